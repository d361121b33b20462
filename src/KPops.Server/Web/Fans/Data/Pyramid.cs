using KPops.Server.Operations;

namespace KPops.Server.Web.Fans.Data;

/// <summary>
/// The seating chart of a published ranking: those who go on sit in rows of 1, 2, 3, … seats (1st at the top), the
/// rest are listed below the cut line.
/// </summary>
public sealed record Pyramid(IReadOnlyList<IReadOnlyList<PublishedRow>> Rows, IReadOnlyList<PublishedRow> BelowCut)
{
    public const string Eliminated = "eliminated";

    public static Pyramid Of(PublishedAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var seated = announcement.Rows.Where(r => !IsEliminated(r)).OrderBy(r => r.Rank).ToList();
        var rows = new List<IReadOnlyList<PublishedRow>>();
        for (int start = 0, width = 1; start < seated.Count; start += width, width++)
        {
            rows.Add(seated.Skip(start).Take(width).ToList());
        }

        return new Pyramid(rows, announcement.Rows.Where(IsEliminated).OrderBy(r => r.Rank).ToList());
    }

    public static bool IsEliminated(PublishedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Equals(row.Status, Eliminated, StringComparison.OrdinalIgnoreCase);
    }
}
