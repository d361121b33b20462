using KPops.Format.Ranking;
using KPops.Voting.Pipeline;

namespace KPops.Server.Operations;

/// <summary>
/// The published rankings, read from the sequencer once and kept until the next publication: the public endpoints
/// are what the fan site and the broadcast poll during the finale, and must not queue a read behind every ballot.
/// Only <see cref="AnnouncementsApi"/> appends AnnouncementPublished entries, and it calls <see cref="Invalidate"/>
/// after each; a read that raced with a publication is not kept. A singleton (<c>AddKPopsOperations</c>): the server
/// has one pipeline.
/// </summary>
public sealed class PublishedAnnouncements
{
    private volatile IReadOnlyDictionary<string, AnnouncementResult>? _published;
    private long _version;

    /// <summary>The published rankings by announcement id; null when the pipeline is not running.</summary>
    public async Task<IReadOnlyDictionary<string, AnnouncementResult>?> GetAsync(BallotPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (_published is { } cached)
        {
            return cached;
        }

        long version = Interlocked.Read(ref _version);
        IReadOnlyDictionary<string, AnnouncementResult> fresh;
        try
        {
            fresh = await pipeline.ReadAsync(state =>
                new Dictionary<string, AnnouncementResult>(state.Published, StringComparer.Ordinal));
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        if (Interlocked.Read(ref _version) == version)
        {
            _published = fresh;
        }

        return fresh;
    }

    /// <summary>Forgets the cached rankings: an announcement was published (or may have been).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _published = null;
    }
}
