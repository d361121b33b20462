using System.Buffers;
using System.Text;
using System.Text.Json;
using KPops.Server.Voting;

namespace KPops.Server.Tests;

/// <summary>The ballot reader's fast pass decides every body exactly as the serializer does.</summary>
public sealed class CastBallotReaderTests
{
    public static TheoryData<string> Bodies => new()
    {
        """{"picks":["t001"],"nonce":1}""",
        """{"picks":["t001","t002","t003"],"nonce":4294967295}""",
        """ { "nonce" : 7 , "picks" : [ "t001" ] } """,
        """{"picks":[],"nonce":0}""",
        """{"picks":null,"nonce":1}""",
        """{"picks":["t001",null],"nonce":1}""",
        """{"picks":["t001"],"nonce":1,"channel":"sms","segment":"kr"}""",
        """{"picks":["t001"],"nonce":1,"channel":null,"segment":null}""",
        """{"Picks":["t001"],"NONCE":1}""",
        """{"picks":["t001"],"nonce":"12"}""",
        """{"picks":["t001"],"nonce":1,"extra":{"deep":[1,2,{"x":null}]}}""",
        """{"picks":["t001"],"picks":["t002"],"nonce":1}""",
        """{"picks":["t\u0030\u0030\u0031"],"n\u006fnce":1}""",
        """{"picks":["t001"],"nonce":-1}""",
        """{"picks":["t001"],"nonce":4294967296}""",
        """{"picks":["t001"],"nonce":1.0}""",
        """{"picks":["t001"],"nonce":1e2}""",
        """{"picks":"t001","nonce":1}""",
        """{"picks":[1],"nonce":1}""",
        """{"picks":["t001"],"nonce":1,"channel":5}""",
        """{"picks":["t001"],"nonce":1}x""",
        """{"picks":["t001"],"nonce":1} {}""",
        """{"picks":["t001"],"nonce":1,}""",
        """{"picks":["t001"],"nonce":1 /* c */}""",
        """{"picks":["t001"]""",
        """[{"picks":["t001"],"nonce":1}]""",
        "null",
        "",
        "   ",
        "\"ballot\"",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_body_reads_as_the_serializer_reads_it_in_one_piece_or_split_anywhere(string text)
    {
        byte[] body = Encoding.UTF8.GetBytes(text);
        string expected = Describe(Serializer(body));

        Assert.Equal(expected, Describe(CastBallotReader.Read(new ReadOnlySequence<byte>(body))));
        for (int split = 1; split < body.Length; split++)
        {
            Assert.Equal(expected, Describe(CastBallotReader.Read(Split(body, split))));
        }
    }

    [Theory]
    [InlineData("""{"picks":["t001"],"nonce":1}""")]
    [InlineData("""{"picks":["t001","t002"],"nonce":7,"channel":"app","segment":null}""")]
    [InlineData(""" { "nonce" : 7 , "picks" : [ ] } """)]
    public void Ballots_as_clients_send_them_take_the_fast_pass(string text)
    {
        var body = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));

        Assert.True(CastBallotReader.TryReadExact(body, out var ballot));
        Assert.Equal(Describe(Serializer(Encoding.UTF8.GetBytes(text))), Describe(ballot));
    }

    /// <summary>What the handler did before the fast pass: the whole body through the source-generated serializer.</summary>
    private static CastBallotRequest? Serializer(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, VotingJsonContext.Default.CastBallotRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(CastBallotRequest? ballot) => ballot is null
        ? "null"
        : $"picks={(ballot.Picks is null ? "null" : "[" + string.Join(",", ballot.Picks.Select(p => p ?? "null")) + "]")} channel={ballot.Channel ?? "null"} segment={ballot.Segment ?? "null"} nonce={ballot.Nonce?.ToString() ?? "null"}";

    private static ReadOnlySequence<byte> Split(byte[] body, int at)
    {
        var first = new Segment(body.AsMemory(0, at), 0);
        var second = first.Append(body.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
