using System.Buffers;
using System.Text.Json;

namespace KPops.Server.Voting;

/// <summary>
/// Reads a ballot's JSON body into a <see cref="CastBallotRequest"/>. A ballot as clients send it — an object with
/// exactly-named <c>picks</c> (strings), <c>nonce</c> (a number), optional <c>channel</c> / <c>segment</c> (strings or
/// null) — is read in one pass with <see cref="Utf8JsonReader"/>. Anything else (other property spellings or unknown
/// properties, a nonce in a string, nulls among the picks, malformed JSON) goes to the source-generated serializer,
/// which decides it exactly as before: so the fast pass only ever accepts what the serializer would have accepted,
/// with the same result. On the route every ballot takes, the serializer's read state for a record with a
/// constructor was a tenth of the bytes allocated per ballot.
/// </summary>
internal static class CastBallotReader
{
    /// <summary>The ballot, or null if the body is not one JSON value of the ballot's shape.</summary>
    public static CastBallotRequest? Read(ReadOnlySequence<byte> body) => TryReadExact(body, out var ballot) ? ballot : ReadWithSerializer(body);

    private static CastBallotRequest? ReadWithSerializer(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            CastBallotRequest? cast = JsonSerializer.Deserialize(ref reader, VotingJsonContext.Default.CastBallotRequest);
            // Anything but white space after the value is not a ballot (Read throws on it).
            return reader.Read() ? null : cast;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fast pass: true only for a body of the exact common shape, read completely and valid.</summary>
    internal static bool TryReadExact(ReadOnlySequence<byte> body, out CastBallotRequest? ballot)
    {
        ballot = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string[]? picks = null;
            string? channel = null;
            string? segment = null;
            uint? nonce = null;
            // Each property once: a repeated one is left to the serializer's rules.
            int seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int property = reader.ValueTextEquals("picks"u8) ? 1
                    : reader.ValueTextEquals("nonce"u8) ? 2
                    : reader.ValueTextEquals("channel"u8) ? 4
                    : reader.ValueTextEquals("segment"u8) ? 8
                    : 0;
                if (property == 0 || (seen & property) != 0)
                {
                    return false;
                }

                seen |= property;
                bool read = property switch
                {
                    1 => TryReadPicks(ref reader, out picks),
                    2 => TryReadNonce(ref reader, out nonce),
                    4 => TryReadOptionalString(ref reader, out channel),
                    _ => TryReadOptionalString(ref reader, out segment),
                };
                if (!read)
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            ballot = new CastBallotRequest(picks, channel, segment, nonce);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Malformed or unusual: the serializer decides.
            return false;
        }
    }

    private static bool TryReadPicks(ref Utf8JsonReader reader, out string[]? picks)
    {
        picks = null;
        if (!TryReadValue(ref reader, JsonTokenType.StartArray, out bool isNull) || isNull)
        {
            return isNull;
        }

        // Count on a copy of the reader (a struct), then read into an array of exactly that length.
        var ahead = reader;
        int count = 0;
        while (ahead.Read() && ahead.TokenType == JsonTokenType.String)
        {
            count++;
        }

        if (ahead.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        picks = new string[count];
        for (int i = 0; i < count; i++)
        {
            reader.Read();
            picks[i] = reader.GetString()!;
        }

        reader.Read();
        return true;
    }

    private static bool TryReadNonce(ref Utf8JsonReader reader, out uint? nonce)
    {
        nonce = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt32(out uint value))
        {
            return false;
        }

        nonce = value;
        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!TryReadValue(ref reader, JsonTokenType.String, out bool isNull) || isNull)
        {
            return isNull;
        }

        value = reader.GetString();
        return true;
    }

    /// <summary>Moves to a property's value: true when it is null (<paramref name="isNull"/>) or of the expected token type.</summary>
    private static bool TryReadValue(ref Utf8JsonReader reader, JsonTokenType expected, out bool isNull)
    {
        isNull = reader.Read() && reader.TokenType == JsonTokenType.Null;
        return isNull || reader.TokenType == expected;
    }
}
