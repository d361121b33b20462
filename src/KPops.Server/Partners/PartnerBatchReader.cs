using System.Text.Json;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Server.Partners;

/// <summary>What a batch body turned into: ballots to submit and, at the same positions, refusals found while reading.</summary>
internal enum BatchReadStatus
{
    Read,
    Malformed,
    TooManyBallots,
}

/// <summary>
/// Reads a partner batch (<c>{"ballots":[{"voter","picks","nonce","segment"?,"channel"?}, …]}</c>) with
/// <see cref="Utf8JsonReader"/> straight into the pipeline's <see cref="Ballot"/> structs: ids are resolved from the
/// request bytes and the voter's pseudonym is computed on the stack, so reading a ballot allocates nothing. A ballot
/// whose ids the season does not know gets its refusal at its position (<c>too-many-picks</c>, <c>unknown-trainee</c>,
/// <c>unknown-channel</c>, <c>unknown-segment</c>); a body that is not a batch at all is malformed as a whole.
/// </summary>
internal sealed class PartnerBatchReader(PartnerSeasonLookup season, int round, VoterPseudonymizer pseudonyms, string partnerName,
    long serverTimeMs, int period, int maxBallots)
{
    /// <summary>Longest subscriber id, in characters.</summary>
    public const int MaxVoterLength = 128;

    private const string PseudonymPrefix = "partner/";

    public string? Error { get; private set; }

    /// <summary>
    /// Reads <paramref name="body"/> into <paramref name="ballots"/> and <paramref name="outcomes"/> (same positions;
    /// a refused ballot's outcome is its refusal, a readable one's is left pending). Both must hold
    /// <c>maxBallots</c> entries.
    /// </summary>
    public BatchReadStatus Read(ReadOnlySpan<byte> body, Span<Ballot> ballots, Span<BallotOutcome> outcomes, out int count)
    {
        count = 0;
        // The pseudonym input is partner/{name}/{subscriber}: names hold no '/', so inputs never collide, and fans'
        // account ids (GUIDs) never start with "partner/".
        Span<char> voterInput = stackalloc char[PseudonymPrefix.Length + PartnerKeysApi.MaxNameLength + 1 + (MaxVoterLength * 6)];
        PseudonymPrefix.CopyTo(voterInput);
        partnerName.CopyTo(voterInput[PseudonymPrefix.Length..]);
        int prefixLength = PseudonymPrefix.Length + partnerName.Length + 1;
        voterInput[prefixLength - 1] = '/';
        Span<ushort> picks = stackalloc ushort[BallotPicks.Capacity];
        Span<char> id = stackalloc char[256];

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail("A batch is a JSON object with a ballots array.");
            }

            bool sawBallots = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("ballots"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                sawBallots = true;
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                {
                    return Fail("ballots must be an array.");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (count == maxBallots)
                    {
                        return BatchReadStatus.TooManyBallots;
                    }

                    if (!ReadBallot(ref reader, voterInput, prefixLength, picks, id, out ballots[count], out outcomes[count]))
                    {
                        Error = $"ballots[{count}]: {Error}";
                        return BatchReadStatus.Malformed;
                    }

                    count++;
                }
            }

            return sawBallots ? BatchReadStatus.Read : Fail("A batch is a JSON object with a ballots array.");
        }
        catch (JsonException)
        {
            return Fail(count == 0 ? "The body is not valid JSON." : $"The body is not valid JSON (after ballots[{count - 1}]).");
        }
    }

    private bool ReadBallot(ref Utf8JsonReader reader, scoped Span<char> voterInput, int prefixLength, scoped Span<ushort> picks, scoped Span<char> id,
        out Ballot ballot, out BallotOutcome refusal)
    {
        ballot = default;
        refusal = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error = "each ballot is a JSON object.";
            return false;
        }

        int voterLength = -1, pickCount = 0, channel = 0, segment = 0;
        uint? nonce = null;
        bool sawPicks = false;
        BallotCheck problem = BallotCheck.Accepted;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("voter"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > MaxVoterLength * 6
                    || (voterLength = reader.CopyString(voterInput[prefixLength..])) is 0 or > MaxVoterLength)
                {
                    Error = $"voter must be the subscriber's id, 1 to {MaxVoterLength} characters.";
                    return false;
                }
            }
            else if (reader.ValueTextEquals("picks"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    Error = "picks must be an array of trainee ids.";
                    return false;
                }

                sawPicks = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!TryReadId(ref reader, id, out int length))
                    {
                        Error = "picks must be an array of trainee ids.";
                        return false;
                    }

                    if (pickCount == picks.Length)
                    {
                        problem = Worst(problem, BallotCheck.TooManyPicks);
                    }
                    else if (season.TryGetTrainee(id[..length], out int trainee))
                    {
                        picks[pickCount++] = (ushort)trainee;
                    }
                    else
                    {
                        problem = Worst(problem, BallotCheck.UnknownTrainee);
                    }
                }
            }
            else if (reader.ValueTextEquals("nonce"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt32(out uint value))
                {
                    Error = "nonce must be a whole number from 0 to 4294967295.";
                    return false;
                }

                nonce = value;
            }
            else if (reader.ValueTextEquals("channel"u8) || reader.ValueTextEquals("segment"u8))
            {
                bool isChannel = reader.ValueTextEquals("channel"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (!TryReadId(ref reader, id, out int length))
                {
                    Error = "channel and segment must be ids (strings).";
                    return false;
                }

                if (isChannel && (channel = season.ChannelIndex(round, id[..length])) < 0)
                {
                    problem = Worst(problem, BallotCheck.UnknownChannel);
                }
                else if (!isChannel && !season.TryGetSegment(id[..length], out segment))
                {
                    problem = Worst(problem, BallotCheck.UnknownSegment);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (voterLength < 0 || !sawPicks || nonce is null)
        {
            Error = "a ballot needs voter, picks and nonce.";
            return false;
        }

        if (problem != BallotCheck.Accepted)
        {
            refusal = new BallotOutcome(SubmitStatus.Rejected, problem, -1, null);
            return true;
        }

        ballot = new Ballot(picks[..pickCount])
        {
            Round = (ushort)round,
            Voter = pseudonyms.Of(voterInput[..(prefixLength + voterLength)]),
            Nonce = nonce.Value,
            Channel = (byte)Math.Max(channel, 0),
            Segment = (ushort)segment,
            ServerTimeMs = serverTimeMs,
            Period = period,
        };
        return true;
    }

    /// <summary>A string token's text in <paramref name="id"/>; ids longer than the buffer are no id the season has.</summary>
    private static bool TryReadId(ref Utf8JsonReader reader, scoped Span<char> id, out int length)
    {
        length = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueSpan.Length > id.Length)
        {
            // Too long for any id: keep a length that matches nothing.
            id[0] = '\0';
            length = 1;
            return true;
        }

        length = reader.CopyString(id);
        return true;
    }

    /// <summary>The refusal a ballot with several problems gets: the first in the order the single-ballot endpoint checks.</summary>
    private static BallotCheck Worst(BallotCheck current, BallotCheck found)
    {
        static int Rank(BallotCheck check) => check switch
        {
            BallotCheck.TooManyPicks => 0,
            BallotCheck.UnknownTrainee => 1,
            BallotCheck.UnknownChannel => 2,
            BallotCheck.UnknownSegment => 3,
            _ => 4,
        };

        return Rank(found) < Rank(current) ? found : current;
    }

    private BatchReadStatus Fail(string error)
    {
        Error = error;
        return BatchReadStatus.Malformed;
    }
}
