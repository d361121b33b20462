using System.Threading.Channels;
using KPops.Log;
using KPops.Voting;

namespace KPops.Audit.Internal;

/// <summary>
/// The verified entries of a tiled log as an <see cref="IEntryHistory"/> that the recount reads in order,
/// without holding the log in memory: segments of the log are fetched and verified in parallel and handed,
/// in order, through a bounded channel to the recount, which takes entries in index order. A read of an
/// earlier entry (a quarantine naming a ballot) re-fetches and re-verifies that entry's bundle.
/// </summary>
internal sealed class StreamingEntryHistory : IEntryHistory, IAsyncDisposable
{
    private const int BundlesAhead = 64;

    // Segments of 64 to 4,096 bundles (up to about 75 MB of ballots): small enough that the recount starts
    // early and work spreads over the cores, large enough that re-verifying the upper tiles stays cheap. At
    // most one segment per core plus the one being drained are held.
    private const long MinSegmentEntries = 64L * TileLayout.TileWidth;
    private const long MaxSegmentEntries = 4096L * TileLayout.TileWidth;

    private readonly TileLogClient _client;
    private readonly Checkpoint _checkpoint;
    private readonly Channel<LogEntry[]> _bundles = Channel.CreateBounded<LogEntry[]>(new BoundedChannelOptions(BundlesAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private LogEntry[] _current = [];
    private int _position;
    private LogEntry[] _revisited = [];

    /// <summary>Streams the entries of <paramref name="checkpoint"/>'s tree, or only [0, <paramref name="end"/>) (the part a server releases during an embargo).</summary>
    public StreamingEntryHistory(TileLogClient client, Checkpoint checkpoint, CancellationToken cancellationToken, long? end = null)
    {
        _client = client;
        _checkpoint = checkpoint;
        Count = Math.Min(end ?? checkpoint.Size, checkpoint.Size);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Run(ProduceAsync, CancellationToken.None);
    }

    public long Count { get; }

    /// <summary>The index the next in-order read will return.</summary>
    public long NextIndex { get; private set; }

    public bool TryRead(long index, out ReadOnlyMemory<byte> entry)
    {
        entry = default;
        if (index < 0 || index >= Count)
        {
            return false;
        }

        if (index != NextIndex)
        {
            return TryReadEarlier(index, out entry);
        }

        if (_position == _current.Length)
        {
            // Sync over async by design: IEntryHistory is synchronous, and this runs on a thread of its own.
            if (!_bundles.Reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult()
                || !_bundles.Reader.TryRead(out var next))
            {
                // The producer finished early: it failed, and its exception surfaces here.
                _producer.GetAwaiter().GetResult();
                return false;
            }

            _current = next;
            _position = 0;
        }

        entry = _current[_position++].Data;
        NextIndex++;
        return true;
    }

    private bool TryReadEarlier(long index, out ReadOnlyMemory<byte> entry)
    {
        if (TryFindRevisited(index, out entry))
        {
            return true;
        }

        var bundleStart = index - (index % TileLayout.TileWidth);
        var bundle = new List<LogEntry>(TileLayout.TileWidth);
        var reading = _client.ReadEntriesAsync(_checkpoint, bundleStart, _stop.Token).GetAsyncEnumerator(_stop.Token);
        try
        {
            while (bundle.Count < TileLayout.TileWidth && reading.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                bundle.Add(reading.Current);
            }
        }
        finally
        {
            reading.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _revisited = [.. bundle];
        return TryFindRevisited(index, out entry);
    }

    private bool TryFindRevisited(long index, out ReadOnlyMemory<byte> entry)
    {
        foreach (var cached in _revisited)
        {
            if (cached.Index == index)
            {
                entry = cached.Data;
                return true;
            }
        }

        entry = default;
        return false;
    }

    // Verification is mostly SHA-256 (a leaf hash per entry, a node hash per entry to bind leaf tiles), so
    // segments are verified in parallel, each by its own reader, and handed on in order. A segment is large
    // because each reader first re-verifies the upper tiles of the whole tree.
    private async Task ProduceAsync()
    {
        try
        {
            long size = Count;
            int workers = Math.Max(1, Environment.ProcessorCount);
            long segment = Math.Clamp(size / (workers * 8L) / TileLayout.TileWidth * TileLayout.TileWidth, MinSegmentEntries, MaxSegmentEntries);
            var pending = new Queue<Task<List<LogEntry[]>>>();
            for (long next = 0; next < size || pending.Count > 0;)
            {
                while (next < size && pending.Count < workers)
                {
                    long start = next;
                    long count = Math.Min(segment, size - start);
                    pending.Enqueue(Task.Run(() => ReadSegmentAsync(start, count), _stop.Token));
                    next += count;
                }

                foreach (var bundle in await pending.Dequeue().ConfigureAwait(false))
                {
                    await _bundles.Writer.WriteAsync(bundle, _stop.Token).ConfigureAwait(false);
                }
            }

            _bundles.Writer.Complete();
        }
        catch (Exception exception)
        {
            _bundles.Writer.Complete(exception);
            throw;
        }
    }

    private async Task<List<LogEntry[]>> ReadSegmentAsync(long start, long count)
    {
        var bundles = new List<LogEntry[]>((int)((count + TileLayout.TileWidth - 1) / TileLayout.TileWidth));
        var bundle = new List<LogEntry>(TileLayout.TileWidth);
        long read = 0;
        await foreach (var entry in _client.ReadEntriesAsync(_checkpoint, start, _stop.Token).ConfigureAwait(false))
        {
            bundle.Add(entry);
            read++;
            if (bundle.Count == TileLayout.TileWidth || read == count)
            {
                bundles.Add([.. bundle]);
                bundle.Clear();
            }

            if (read == count)
            {
                break;
            }
        }

        return bundles;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _producer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped early because the recount stopped early.
        }
        catch (LogVerificationException)
        {
            // Already reported through the reader.
        }

        _stop.Dispose();
    }
}
