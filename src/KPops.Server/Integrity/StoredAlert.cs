using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KPops.Server.Integrity;

/// <summary>
/// An integrity alert as stored (table <c>IntegrityAlerts</c>), so the review queue and its decisions survive a restart:
/// the detectors' sources (network prefix, device hash) are not in the log, so the alerts cannot be derived from it
/// again. Ballots and voters are packed (8 bytes per log index, 16 per pseudonym), at most
/// <see cref="IntegrityAlert.MaxListed"/> of each.
/// </summary>
[EntityTypeConfiguration(typeof(StoredAlertConfiguration))]
public sealed class StoredAlert
{
    public required string Id { get; set; }

    /// <summary>The number in the id: alerts are listed in this order and new ids continue from the largest.</summary>
    public long Sequence { get; set; }

    public required string Detector { get; set; }

    public required string Source { get; set; }

    public int Round { get; set; }

    public required string Explanation { get; set; }

    public long FirstSeenMs { get; set; }

    public long LastSeenMs { get; set; }

    public long BallotCount { get; set; }

    /// <summary>Log indices, little-endian 64-bit each.</summary>
    public required byte[] Indices { get; set; }

    /// <summary>Voter pseudonyms, 16 bytes each, as the log holds them (<c>VoterPseudonym.Write</c>).</summary>
    public required byte[] Voters { get; set; }

    /// <summary>An <see cref="AlertStatus"/>.</summary>
    public int Status { get; set; }

    public string? DecidedBy { get; set; }

    public long? DecidedAtMs { get; set; }

    /// <summary>A <see cref="KPops.Voting.Entries.QuarantineReason"/>, or null for a dismissal.</summary>
    public int? DecisionReason { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Log indices of the quarantine entries the decision appended, 64-bit each.</summary>
    public byte[]? QuarantineEntries { get; set; }
}

internal sealed class StoredAlertConfiguration : IEntityTypeConfiguration<StoredAlert>
{
    public void Configure(EntityTypeBuilder<StoredAlert> alert)
    {
        alert.ToTable("IntegrityAlerts");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.Id).HasMaxLength(40);
        alert.Property(a => a.Detector).HasMaxLength(40);
        alert.Property(a => a.DecidedBy).HasMaxLength(450);
        alert.HasIndex(a => a.Sequence);
    }
}
