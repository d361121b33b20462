namespace KPops.Voting.Pipeline;

/// <summary>
/// A small bounded pool of reusable requests. A lock around an array is cheaper here than a lock-free queue,
/// which allocates segments as it grows and drops them as it shrinks.
/// </summary>
internal sealed class RequestPool<T>(Func<RequestPool<T>, T> create, int capacity = 1024)
    where T : class
{
    private readonly T[] _items = new T[capacity];
    private readonly Lock _lock = new();
    private int _count;

    public T Rent()
    {
        lock (_lock)
        {
            if (_count > 0)
            {
                var item = _items[--_count];
                _items[_count] = null!;
                return item;
            }
        }

        return create(this);
    }

    public void Return(T item)
    {
        lock (_lock)
        {
            if (_count < _items.Length)
            {
                _items[_count++] = item;
            }
        }
    }
}
