namespace KPops.Voting.Entries;

/// <summary>
/// A mission or evaluation result for one trainee (benefit votes, jury points, a producers' pick). The
/// segment is the awarding segment's index for per-segment points, or <see cref="EntryFormat.NoIndex"/>.
/// </summary>
public sealed record EvaluationResultRecorded(ushort Evaluation, ushort Trainee, string Result, long Value, ushort Segment = EntryFormat.NoIndex)
    : LogEntry
{
    public override EntryKind Kind => EntryKind.EvaluationResultRecorded;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Evaluation);
        writer.WriteUInt16(Trainee);
        writer.WriteText(Result);
        writer.WriteInt64(Value);
        writer.WriteUInt16(Segment);
        return writer.TryFinish(out written);
    }

    internal static EvaluationResultRecorded? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.EvaluationResultRecorded, out var reader, out error))
        {
            return null;
        }

        var result = new EvaluationResultRecorded(
            reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadText(), reader.ReadInt64(), reader.ReadUInt16());
        return reader.TryFinish(out error) ? result : null;
    }
}

/// <summary>A mentor's level-evaluation grade, one ASCII letter A–F; its benefit comes from the evaluation's table.</summary>
public sealed record GradeEntered(ushort Evaluation, ushort Trainee, char Grade) : LogEntry
{
    public override EntryKind Kind => EntryKind.GradeEntered;

    public static bool IsGrade(char grade) => grade is >= 'A' and <= 'F';

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        if (!IsGrade(Grade))
        {
            written = 0;
            return false;
        }

        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Evaluation);
        writer.WriteUInt16(Trainee);
        writer.WriteByte((byte)Grade);
        return writer.TryFinish(out written);
    }

    internal static GradeEntered? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.GradeEntered, out var reader, out error))
        {
            return null;
        }

        var result = new GradeEntered(reader.ReadUInt16(), reader.ReadUInt16(), (char)reader.ReadByte());
        if (!reader.Failed && !IsGrade(result.Grade))
        {
            reader.Fail(EntryError.InvalidField);
        }

        return reader.TryFinish(out error) ? result : null;
    }
}
