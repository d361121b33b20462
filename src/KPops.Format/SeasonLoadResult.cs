using KPops.Format.Model;

namespace KPops.Format;

/// <summary>
/// What loading a season file produced. <see cref="Season"/> is null only when the file could not be read or
/// deserialized at all; a season that deserialized but failed validation is returned too, so that tools can
/// still show it, but only a result that <see cref="IsValid"/> may be run.
/// </summary>
public sealed record SeasonLoadResult(Season? Season, IReadOnlyList<SeasonError> Errors)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Season))]
    public bool IsValid => Season is not null && Errors.Count == 0;
}
