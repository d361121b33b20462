namespace KPops.Log;

/// <summary>What one configured witness's cosignature on a checkpoint came to.</summary>
public enum CosignatureStatus
{
    /// <summary>The note carries no cosignature from this witness.</summary>
    Missing,

    /// <summary>A cosignature from this witness verifies.</summary>
    Valid,

    /// <summary>A line carries this witness's name and key ID but does not verify: forged or corrupted.</summary>
    Invalid,

    /// <summary>The cosignature verifies but is dated later than the verifier's clock allows.</summary>
    FromTheFuture,
}

/// <summary>One witness's verdict on a checkpoint, with the time it cosigned (POSIX seconds) when valid.</summary>
public sealed record WitnessCosignature(CosignatureVerifier Witness, CosignatureStatus Status, long? Timestamp)
{
    public DateTimeOffset? Time => Timestamp is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}

/// <summary>
/// Checks the cosignatures a signed checkpoint carries against the witnesses an auditor trusts. Lines from other
/// keys are ignored (signed-note); a witness counts once however many valid lines it has; a line that claims a
/// trusted witness's name and key ID but fails to verify is reported as <see cref="CosignatureStatus.Invalid"/>.
/// </summary>
public static class WitnessCosignatures
{
    /// <summary>One result per witness in <paramref name="witnesses"/>, in order; null when the note is malformed.</summary>
    /// <param name="note">The signed checkpoint note, log signature and cosignature lines included.</param>
    /// <param name="witnesses">The trusted witness keys.</param>
    /// <param name="notAfter">Latest acceptable cosignature time (POSIX seconds), or null to accept any.</param>
    public static IReadOnlyList<WitnessCosignature>? Check(ReadOnlySpan<byte> note, IReadOnlyList<CosignatureVerifier> witnesses, long? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(witnesses);
        if (!SignedNote.TryParseUnverified(note, out string? text, out IReadOnlyList<NoteSignature>? signatures))
        {
            return null;
        }

        var results = new List<WitnessCosignature>(witnesses.Count);
        foreach (CosignatureVerifier witness in witnesses)
        {
            results.Add(CheckOne(text, signatures, witness, notAfter));
        }

        return results;
    }

    /// <summary>How many distinct witnesses' cosignatures verified.</summary>
    public static int CountValid(IReadOnlyList<WitnessCosignature> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (WitnessCosignature result in results)
        {
            if (result.Status == CosignatureStatus.Valid)
            {
                keys.Add(result.Witness.KeyText);
            }
        }

        return keys.Count;
    }

    private static WitnessCosignature CheckOne(string text, IReadOnlyList<NoteSignature> signatures, CosignatureVerifier witness, long? notAfter)
    {
        var status = CosignatureStatus.Missing;
        long? newest = null;
        foreach (NoteSignature signature in signatures)
        {
            if (!witness.Matches(signature))
            {
                continue;
            }

            if (!witness.TryVerify(text, signature, out long timestamp))
            {
                // A bad line from a trusted key condemns it even next to a good one (signed-note: reject).
                return new WitnessCosignature(witness, CosignatureStatus.Invalid, null);
            }

            if (notAfter is { } limit && timestamp > limit)
            {
                status = status == CosignatureStatus.Valid ? status : CosignatureStatus.FromTheFuture;
                continue;
            }

            status = CosignatureStatus.Valid;
            newest = Math.Max(newest ?? 0, timestamp);
        }

        return new WitnessCosignature(witness, status, status == CosignatureStatus.Valid ? newest : null);
    }
}
