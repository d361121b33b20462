namespace KPops.Fuzz.Targets;

/// <summary>A clock stopped at one moment, so that stamped ballots (and the seeds made from them) are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
