using System.Buffers;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using KPops.Log;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Voting;

/// <summary>
/// A receipt answered as <see cref="ReceiptResponse"/> JSON (200), written field by field: the leaf hash and the
/// inclusion proof are computed into stack buffers and go to base64 straight from there, the checkpoint straight from
/// the note's UTF-8 — no receipt object, arrays, strings or serializer on the way: every accepted ballot is answered with
/// one. The API's JSON encoder is used, so the text is what the serializer would write. The JSON goes into a per-thread
/// buffer first, so the answer carries its Content-Length (no chunked framing) and the writer and buffer are reused.
/// </summary>
public sealed class ReceiptResult(string status, BallotPipeline pipeline, BallotOutcome outcome, JsonSerializerOptions? json = null)
    : IResult, IEndpointMetadataProvider
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    public string Status { get; } = status;

    /// <summary>The ballot's outcome: its index and the checkpoint the receipt proves inclusion in.</summary>
    public BallotOutcome Outcome { get; } = outcome;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        Span<byte> leafHash = stackalloc byte[Rfc6962.HashSize];
        Span<byte> proof = stackalloc byte[MerkleProofs.MaxInclusionProofHashes * Rfc6962.HashSize];
        int hashes = pipeline.ProveInclusion(Outcome, leafHash, proof);

        JavaScriptEncoder? encoder = (json ?? httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions).Encoder;
        ArrayBufferWriter<byte> buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer = _threadWriter is { } cached && cached.Options.Encoder == encoder
            ? cached
            : _threadWriter = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
        writer.Reset(buffer);
        Write(writer, Status, Outcome.Index, leafHash, Outcome.Checkpoint!.Note.Span, proof[..(hashes * Rfc6962.HashSize)]);
        writer.Flush();

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        // Buffered by the server and sent, headers and body together, when the request ends.
        response.BodyWriter.Write(buffer.WrittenSpan);
        return Task.CompletedTask;
    }

    /// <summary>The receipt as the <see cref="ReceiptResponse"/> object (web casing); the proof's hashes back to back.</summary>
    public static void Write(Utf8JsonWriter json, string status, long index, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> checkpoint,
        ReadOnlySpan<byte> proof)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("status"u8, status);
        json.WriteNumber("index"u8, index);
        json.WriteBase64String("entryHash"u8, leafHash);
        json.WriteString("checkpoint"u8, checkpoint);
        json.WriteStartArray("inclusionProof"u8);
        for (int offset = 0; offset < proof.Length; offset += Rfc6962.HashSize)
        {
            json.WriteBase64StringValue(proof.Slice(offset, Rfc6962.HashSize));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>For the OpenAPI document: a 200 with a <see cref="ReceiptResponse"/> body.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ReceiptResponse), ["application/json"]));
    }
}
