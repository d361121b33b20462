using KPops.Format.Ranking;

namespace KPops.Voting.Entries;

/// <summary>
/// One row of a published ranking: what the broadcast showed for one trainee (by index), and the special
/// seat's label or null.
/// </summary>
public sealed record PublishedRank(ushort Trainee, ushort Rank, decimal Score, SeatStatus Status, string? Seat = null);

/// <summary>
/// The ranking an announcement made public, as the producers published it. A recount recomputes the
/// ranking from the log and compares it with this entry; the eligibility of later rounds that draw on the
/// announcement's survivors comes from here.
/// </summary>
public sealed record AnnouncementPublished(ushort Announcement, IReadOnlyList<PublishedRank> Ranking) : LogEntry
{
    public override EntryKind Kind => EntryKind.AnnouncementPublished;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Announcement);
        if (Ranking.Count > ushort.MaxValue)
        {
            written = 0;
            return false;
        }

        writer.WriteUInt16((ushort)Ranking.Count);
        foreach (var row in Ranking)
        {
            writer.WriteUInt16(row.Trainee);
            writer.WriteUInt16(row.Rank);
            writer.WriteDecimal(row.Score);
            writer.WriteByte(SeatStatusCodes.ToByte(row.Status));
            writer.WriteText(row.Seat ?? string.Empty);
        }

        return writer.TryFinish(out written);
    }

    internal static AnnouncementPublished? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.AnnouncementPublished, out var reader, out error))
        {
            return null;
        }

        var announcement = reader.ReadUInt16();
        int count = reader.ReadUInt16();
        var rows = new List<PublishedRank>(Math.Min(count, entry.Length / 8));
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            var trainee = reader.ReadUInt16();
            var rank = reader.ReadUInt16();
            var score = reader.ReadDecimal();
            var statusByte = reader.ReadByte();
            var seat = reader.ReadText();
            if (!SeatStatusCodes.TryFromByte(statusByte, out var status))
            {
                reader.Fail(EntryError.InvalidField);
            }

            rows.Add(new PublishedRank(trainee, rank, score, status, seat.Length == 0 ? null : seat));
        }

        return reader.TryFinish(out error) ? new AnnouncementPublished(announcement, rows) : null;
    }
}

/// <summary>
/// The log's own byte codes for <see cref="SeatStatus"/>, so that reordering the ranking model's enum can
/// never change what old entries mean.
/// </summary>
public static class SeatStatusCodes
{
    public const byte Survived = 1;
    public const byte Eliminated = 2;
    public const byte SpecialSeat = 3;

    public static byte ToByte(SeatStatus status) => status switch
    {
        SeatStatus.Survived => Survived,
        SeatStatus.Eliminated => Eliminated,
        SeatStatus.SpecialSeat => SpecialSeat,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryFromByte(byte value, out SeatStatus status)
    {
        status = value switch
        {
            Survived => SeatStatus.Survived,
            Eliminated => SeatStatus.Eliminated,
            SpecialSeat => SeatStatus.SpecialSeat,
            _ => (SeatStatus)(-1),
        };
        return value is >= Survived and <= SpecialSeat;
    }
}
