using System.Threading.Channels;
using KPops.Log;
using KPops.Voting;

namespace KPops.Audit.Internal;

/// <summary>
/// The verified entries of a tiled log as an <see cref="IEntryHistory"/> that the recount reads in order,
/// without holding the log in memory: a producer task fetches and verifies one entry bundle at a time into
/// a bounded channel (so fetching and hashing overlap with the recount on another core), and the recount
/// takes them in index order. A read of an earlier entry (a quarantine naming a ballot) re-fetches and
/// re-verifies that entry's bundle.
/// </summary>
internal sealed class StreamingEntryHistory : IEntryHistory, IAsyncDisposable
{
    private const int BundlesAhead = 64;

    private readonly TileLogClient _client;
    private readonly Checkpoint _checkpoint;
    private readonly Channel<LogEntry[]> _bundles = Channel.CreateBounded<LogEntry[]>(new BoundedChannelOptions(BundlesAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private LogEntry[] _current = [];
    private int _position;
    private LogEntry[] _revisited = [];

    public StreamingEntryHistory(TileLogClient client, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        _client = client;
        _checkpoint = checkpoint;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Run(ProduceAsync, CancellationToken.None);
    }

    public long Count => _checkpoint.Size;

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

    private async Task ProduceAsync()
    {
        try
        {
            var batch = new List<LogEntry>(TileLayout.TileWidth);
            await foreach (var entry in _client.ReadEntriesAsync(_checkpoint, 0, _stop.Token).ConfigureAwait(false))
            {
                batch.Add(entry);
                if (batch.Count == TileLayout.TileWidth)
                {
                    await _bundles.Writer.WriteAsync([.. batch], _stop.Token).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await _bundles.Writer.WriteAsync([.. batch], _stop.Token).ConfigureAwait(false);
            }

            _bundles.Writer.Complete();
        }
        catch (Exception exception)
        {
            _bundles.Writer.Complete(exception);
            throw;
        }
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
