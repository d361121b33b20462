using KPops.Format;
using KPops.Format.Model;
using KPops.Log;
using KPops.Voting.Ballots;

namespace KPops.Fuzz;

/// <summary>
/// Fixed material the targets check inputs against: a signing key (fixed, so that seed checkpoints and receipts
/// written to the corpus verify in every later run), a preset season, and a small signed log with its tiles.
/// The key is a fuzzing fixture, published on purpose; it signs nothing real.
/// </summary>
public static class FuzzFixture
{
    public const string Origin = "fuzz.kpops.localhost/log";
    public const string SignerKey = "PRIVATE+KEY+fuzz.kpops.localhost/log+3b0d71ee+ARo+jifj8EsoRWLg/gqN4GrzxVS9A/OjCWKDOdj5BeQI";
    public const string PresetName = "produce-x-101";

    private static readonly Lazy<CompiledSeason> LazySeason = new(() => new CompiledSeason(Presets.Load(PresetName)));
    private static readonly Lazy<SampleLog> LazyLog = new(SampleLog.Build);
    private static readonly Lazy<CompiledSeason> LazySmallSeason = new(() =>
        new CompiledSeason(SeasonFile.Parse(Targets.SeasonFileTarget.SmallSeason).Season!));

    public static NoteSigner Signer { get; } = NoteSigner.Parse(SignerKey);

    public static NoteVerifier Verifier => Signer.Verifier;

    /// <summary>A second, unrelated key: notes signed by it must never pass as the log's.</summary>
    public static NoteVerifier OtherVerifier { get; } = NoteVerifier.Parse(
        "other.kpops.localhost/log+793c4598+ASRpPyXlsp2yC0VL9Tjqz5P3BYEE6pd+F7vF/fZtPSTN");

    public static CompiledSeason Season => LazySeason.Value;

    public static Season SeasonModel => LazySeason.Value.Season;

    /// <summary>A three-trainee season, for targets that replay whole logs many times a second.</summary>
    public static CompiledSeason SmallSeason => LazySmallSeason.Value;

    /// <summary>A 550-entry log with a checkpoint at 300 and one at 550, and every resource it serves.</summary>
    public static SampleLog Log => LazyLog.Value;
}
