using System.Globalization;
using KPops.Log;

namespace KPops.Audit;

/// <summary>
/// The checkpoints one auditor has verified before, kept as signed notes in a directory (one file per
/// checkpoint), so the next run can prove the log it sees now extends every one of them. A log that
/// rewrites or drops history after someone audited it cannot pass that check.
/// </summary>
public sealed class AuditStateStore(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The default state directory for a log: <c>~/.kpops/audit/&lt;origin&gt;</c>.</summary>
    public static string DefaultDirectory(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var safe = string.Concat(origin.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kpops", "audit", safe);
    }

    /// <summary>Every checkpoint stored before that verifies with <paramref name="verifier"/> and has <paramref name="origin"/>.</summary>
    public IReadOnlyList<Checkpoint> Load(NoteVerifier verifier, string origin)
    {
        var seen = new List<Checkpoint>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return seen;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.checkpoint").Order(StringComparer.Ordinal))
        {
            // A note in our own state that no longer verifies was not written by us; it proves nothing.
            if (LogVerifier.TryVerifyCheckpoint(File.ReadAllBytes(file), verifier, origin, out var checkpoint, out _))
            {
                seen.Add(checkpoint);
            }
        }

        return seen;
    }

    /// <summary>Keeps a verified checkpoint's signed note for later runs.</summary>
    public void Remember(Checkpoint checkpoint, ReadOnlySpan<byte> note)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{checkpoint.Size:D12}-{Convert.ToHexStringLower(checkpoint.RootHash)[..16]}.checkpoint");
        DurableFile.Replace(Path.Combine(Directory, name), note);
    }
}
