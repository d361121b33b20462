namespace KPops.Server.Operations;

/// <summary>One trainee of a preview: the row that would be published, with the breakdown that explains its score.</summary>
public sealed record PreviewRow(
    string TraineeId, string NameKo, string NameEn, int Rank, decimal Score, string Status, string? Seat, string? TieBrokenBy,
    IReadOnlyList<PreviewContribution> Breakdown);

/// <summary>One column of a score: the value counted from the source and the points it gave after conversion and weight.</summary>
public sealed record PreviewContribution(string Label, decimal Counted, decimal Points);

/// <summary>
/// Something a producer must know before publishing. A <see cref="Blocking"/> check (<c>already-published</c>,
/// <c>round-open</c>, <c>earlier-announcement-missing</c>) makes publishing fail; <c>forensic-warnings</c> needs
/// an explicit acknowledgement.
/// </summary>
public sealed record PreviewCheck(string Code, bool Blocking, string Message);

/// <summary>A tally-forensics finding on the figures about to be published (see docs/audit.md): what a journalist's audit would flag.</summary>
public sealed record ForensicFinding(string Code, string Explanation, double Chance, string Severity);

/// <summary>
/// What <c>POST /api/announcements/{id}/publish</c> would append now. <see cref="Fingerprint"/> (SHA-256 of the entry,
/// hex) may be sent back with the publish request to publish exactly this ranking or nothing.
/// </summary>
public sealed record AnnouncementPreview(
    string AnnouncementId,
    string NameKo,
    string NameEn,
    bool IsFinale,
    int? CutLine,
    DateTimeOffset ComputedAt,
    long LogSize,
    bool CanPublish,
    string? Fingerprint,
    IReadOnlyList<PreviewRow> Rows,
    IReadOnlyList<PreviewCheck> Checks,
    IReadOnlyList<ForensicFinding> Forensics);

/// <summary>
/// Publishing: <see cref="AcknowledgeWarnings"/> must be true when forensics warned; <see cref="Fingerprint"/>, when
/// given, must match the ranking computed at the entry's turn (else 409 <c>announcement_changed</c>).
/// </summary>
public sealed record PublishRequest(bool AcknowledgeWarnings = false, string? Fingerprint = null);

/// <summary>The AnnouncementPublished entry: its index, the checkpoint covering it, and the ranking as now public.</summary>
public sealed record PublishResponse(string AnnouncementId, long Index, string Checkpoint, string Fingerprint, PublishedAnnouncement Announcement);

/// <summary>
/// A published trainee row, as the pyramid and the broadcast reveal draw it. <see cref="PreviousRank"/> is the rank in
/// the previous published announcement (null when it did not rank the trainee); <see cref="RankChange"/> the places
/// moved up since then (negative: down; null without a previous rank).
/// </summary>
public sealed record PublishedRow(
    string TraineeId, string NameKo, string NameEn, int Rank, int? PreviousRank, int? RankChange, decimal Score, string Status, string? Seat);

/// <summary>A published announcement: exactly the ranking its AnnouncementPublished entry holds in the log.</summary>
public sealed record PublishedAnnouncement(
    string AnnouncementId, string NameKo, string NameEn, bool IsFinale, int? CutLine, string? PreviousAnnouncementId,
    IReadOnlyList<PublishedRow> Rows);
