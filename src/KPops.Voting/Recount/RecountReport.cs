using KPops.Format.Model;
using KPops.Voting.Tallies;

namespace KPops.Voting.Recount;

/// <summary>What a recount of a log found.</summary>
/// <param name="Season">The season the log defines, or null when its definition is missing or invalid.</param>
/// <param name="EntriesRead">Entries replayed.</param>
/// <param name="Tallies">The recounted votes and evaluation results, or null without a season.</param>
/// <param name="Announcements">Each published announcement checked against the recount, in log order.</param>
/// <param name="Findings">Entries that failed to decode or were rejected (the first <see cref="LogReplayer.MaxFindingsKept"/>).</param>
/// <param name="FindingCount">How many findings there were in all.</param>
public sealed record RecountReport(
    Season? Season,
    long EntriesRead,
    SeasonTallies? Tallies,
    IReadOnlyList<AnnouncementCheck> Announcements,
    IReadOnlyList<ReplayFinding> Findings,
    long FindingCount)
{
    /// <summary>
    /// Rounds whose ballots are still under embargo at the end of the recount (their counting announcements are not all
    /// published; see <see cref="EmbargoHorizon"/>), by id in season order: a server withholds their ballots' entries.
    /// </summary>
    public IReadOnlyList<string> EmbargoedRounds { get; init; } = [];

    /// <summary>The log defines a season, every entry is valid and every announcement matches its recount.</summary>
    public bool AllMatch
    {
        get
        {
            if (Season is null || FindingCount > 0)
            {
                return false;
            }

            foreach (var announcement in Announcements)
            {
                if (!announcement.Matches)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
