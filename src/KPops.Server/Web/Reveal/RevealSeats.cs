using KPops.Server.Operations;

namespace KPops.Server.Web.Reveal;

/// <summary>
/// The seats a published announcement reveals — the trainees who keep a seat (survivors and special seats; everyone
/// when there is no cut line), best rank first — and which of them a <see cref="RevealCue"/> has revealed.
/// </summary>
public static class RevealSeats
{
    public static IReadOnlyList<PublishedRow> Of(PublishedAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return [.. announcement.Rows.Where(row => row.Status != "eliminated").OrderBy(row => row.Rank).ThenBy(row => row.TraineeId, StringComparer.Ordinal)];
    }

    /// <summary>The seats in the order they are revealed.</summary>
    public static IReadOnlyList<PublishedRow> InRevealOrder(IReadOnlyList<PublishedRow> seats, RevealOrder order)
    {
        ArgumentNullException.ThrowIfNull(seats);
        return order == RevealOrder.FirstSeatFirst ? seats : [.. seats.Reverse()];
    }

    /// <summary>The trainee ids <paramref name="cue"/> has revealed, and the one revealed last (the spotlight), if any.</summary>
    public static (IReadOnlySet<string> Revealed, PublishedRow? Latest) Revealed(IReadOnlyList<PublishedRow> seats, RevealCue cue)
    {
        ArgumentNullException.ThrowIfNull(cue);
        var ordered = InRevealOrder(seats, cue.Order);
        int count = Math.Clamp(cue.Revealed, 0, ordered.Count);
        var revealed = ordered.Take(count).Select(row => row.TraineeId).ToHashSet(StringComparer.Ordinal);
        return (revealed, count == 0 ? null : ordered[count - 1]);
    }
}
