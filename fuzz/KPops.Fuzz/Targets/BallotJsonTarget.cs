using System.Text;
using System.Text.Json;
using KPops.Server.Voting;
using KPops.Voting.Entries;

namespace KPops.Fuzz.Targets;

/// <summary>
/// The ballot endpoint's body parsing, exactly as <c>POST /api/rounds/{roundId}/ballots</c> runs it: the JSON body
/// into <see cref="CastBallotRequest"/> (ASP.NET Core's web defaults; <see cref="JsonException"/> is the documented
/// refusal, answered 400), then <c>BallotForm.TryBuild</c> against the fixture season and the server's time stamp.
/// The input's first line is the round id, the rest the body. A ballot it builds must encode and decode unchanged.
/// </summary>
public sealed class BallotJsonTarget : IFuzzTarget
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly VoterPseudonym Voter = new(0xfeedUL, 0xbeefUL);

    public string Name => "ballot-json";

    public string Description => "the ballot endpoint's JSON body and BallotForm.TryBuild; built ballots must round-trip through the log encoding";

    public void Run(ReadOnlySpan<byte> input)
    {
        int newline = input.IndexOf((byte)'\n');
        string roundId = newline < 0 ? "" : Encoding.UTF8.GetString(input[..newline]);
        ReadOnlySpan<byte> body = newline < 0 ? input : input[(newline + 1)..];
        CastBallotRequest? cast;
        try
        {
            cast = JsonSerializer.Deserialize<CastBallotRequest>(body, Json);
        }
        catch (JsonException)
        {
            return;
        }

        if (cast?.Picks is null || cast.Nonce is null)
        {
            return;
        }

        var season = FuzzFixture.Season;
        if (!BallotForm.TryBuild(season, roundId, cast, Voter, out Ballot ballot, out string refusal))
        {
            if (string.IsNullOrEmpty(refusal))
            {
                throw new FuzzContractException("TryBuild refused a ballot without a reason code.");
            }

            return;
        }

        Ballot stamped = season.Stamp(ballot, new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(SampleEntries.RoundTimeMs(season))));
        Span<byte> encoded = stackalloc byte[BallotCodec.MaxSize];
        if (!BallotCodec.TryWrite(stamped, encoded, out int written)
            || !BallotCodec.TryRead(encoded[..written], out Ballot read, out _)
            || !read.Picks.SequenceEqual(stamped.Picks) || read.Nonce != stamped.Nonce || read.Round != stamped.Round)
        {
            throw new FuzzContractException("A ballot the form built does not survive the log encoding.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var season = FuzzFixture.SeasonModel;
        string round = season.Rounds[0].Id;
        string[] trainees = season.Trainees.Take(3).Select(t => t.Id).ToArray();
        yield return Seed("three-picks", round, $$"""{"picks":["{{trainees[0]}}","{{trainees[1]}}","{{trainees[2]}}"],"nonce":7}""");
        yield return Seed("channel-segment", round, $$"""{"picks":["{{trainees[0]}}"],"channel":"web","segment":"all","nonce":4294967295}""");
        yield return Seed("unknown-trainee", round, """{"picks":["nobody"],"nonce":1}""");
        yield return Seed("no-nonce", round, """{"picks":[]}""");
    }

    private static FuzzSeed Seed(string name, string round, string body) => new(name, Encoding.UTF8.GetBytes($"{round}\n{body}"));
}
