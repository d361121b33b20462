using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Cli.Bench;

/// <summary>Fills a chunk of ballots in place (a generator writing into a reused buffer).</summary>
internal delegate void ChunkFiller(Span<Ballot> chunk);

/// <summary>Looks at the outcomes of one submitted chunk once it completed.</summary>
internal delegate void ChunkCompleted(ReadOnlySpan<BallotOutcome> outcomes);

/// <summary>
/// Submits generated ballots to a pipeline the way a busy front end does: in fixed-size chunks, many in flight,
/// each slot's buffers reused once its chunk completed, so the benchmark itself allocates nothing per ballot.
/// </summary>
internal sealed class ChunkedSubmitter
{
    private readonly Ballot[][] _chunks;
    private readonly BallotOutcome[][] _outcomes;
    private readonly int[] _sizes;
    private readonly ValueTask[] _running;

    public ChunkedSubmitter(int chunkSize, int chunksInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksInFlight, 1);
        ChunkSize = chunkSize;
        _chunks = new Ballot[chunksInFlight][];
        _outcomes = new BallotOutcome[chunksInFlight][];
        _sizes = new int[chunksInFlight];
        _running = new ValueTask[chunksInFlight];
        for (var i = 0; i < chunksInFlight; i++)
        {
            _chunks[i] = new Ballot[chunkSize];
            _outcomes[i] = new BallotOutcome[chunkSize];
        }
    }

    public int ChunkSize { get; }

    /// <summary>Every <see cref="ProgressEveryChunks"/> chunks, <see cref="Progress"/> is told how many ballots were submitted.</summary>
    public int ProgressEveryChunks { get; init; } = 512;

    public Func<long, Task>? Progress { get; init; }

    /// <summary>
    /// Submits <paramref name="ballots"/> ballots that <paramref name="fill"/> generates, through <paramref name="submit"/>
    /// (typically <see cref="BallotPipeline.SubmitManyAsync"/>), and hands each chunk's outcomes to <paramref name="completed"/>
    /// in submission order.
    /// </summary>
    public async Task RunAsync(
        long ballots, ChunkFiller fill, Func<ReadOnlyMemory<Ballot>, Memory<BallotOutcome>, ValueTask> submit, ChunkCompleted completed)
    {
        var inFlight = _chunks.Length;
        long submitted = 0;
        var chunk = 0;
        while (submitted < ballots)
        {
            var slot = chunk % inFlight;
            if (chunk >= inFlight)
            {
                await _running[slot];
                completed(_outcomes[slot].AsSpan(0, _sizes[slot]));
            }

            var size = (int)Math.Min(ChunkSize, ballots - submitted);
            _sizes[slot] = size;
            fill(_chunks[slot].AsSpan(0, size));
#pragma warning disable CA2012 // Each slot's task is awaited exactly once, before the slot is reused or at the end.
            _running[slot] = submit(_chunks[slot].AsMemory(0, size), _outcomes[slot].AsMemory(0, size));
#pragma warning restore CA2012
            submitted += size;
            chunk++;
            if (Progress is not null && chunk % ProgressEveryChunks == 0)
            {
                await Progress(submitted);
            }
        }

        for (var i = Math.Max(0, chunk - inFlight); i < chunk; i++)
        {
            var slot = i % inFlight;
            await _running[slot];
            completed(_outcomes[slot].AsSpan(0, _sizes[slot]));
        }
    }
}
