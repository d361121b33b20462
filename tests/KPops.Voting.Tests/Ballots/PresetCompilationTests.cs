using KPops.Format;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Ballots;

public sealed class PresetCompilationTests
{
    public static TheoryData<string> PresetNames() => new(Presets.Names);

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_preset_compiles_for_the_ballot_path_and_survives_the_log(string name)
    {
        var season = Presets.Load(name);

        var compiled = new CompiledSeason(season);
        var chunks = SeasonDefinition.ToChunks(season)
            .Select(c => LogEntryCodec.TryDecode(c.ToBytes(), out var decoded, out _) ? (SeasonDefined)decoded : null!)
            .ToArray();
        var rebuilt = SeasonDefinition.TryAssemble(chunks, out var problem);

        Assert.Equal(season.Rounds.Count, compiled.RoundCount);
        Assert.Null(problem);
        Assert.Equal(SeasonFile.Serialize(season), SeasonFile.Serialize(rebuilt!));
    }
}
