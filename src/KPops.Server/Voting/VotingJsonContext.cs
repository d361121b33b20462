using System.Text.Json;
using System.Text.Json.Serialization;

namespace KPops.Server.Voting;

/// <summary>
/// Source-generated JSON for the ballot path: a ballot read and a receipt written on every request, without the
/// reflection-based converters (the request is a record with a constructor, their slowest case). Web defaults, as
/// the rest of the API answers.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CastBallotRequest))]
[JsonSerializable(typeof(ReceiptResponse))]
internal sealed partial class VotingJsonContext : JsonSerializerContext;
