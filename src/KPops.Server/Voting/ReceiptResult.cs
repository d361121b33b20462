using System.Buffers;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Voting;

/// <summary>
/// A receipt answered as <see cref="ReceiptResponse"/> JSON (200), written field by field: the hashes go to base64
/// straight from their bytes and the checkpoint straight from the note's UTF-8, with no response object, strings or
/// serializer on the way — every accepted ballot is answered with one. The API's JSON encoder is used, so the text is
/// what the serializer would write. The JSON is written into a per-thread buffer first, so the answer carries its
/// Content-Length (no chunked framing) and the writer and buffer are reused rather than allocated per ballot.
/// </summary>
public sealed class ReceiptResult(string status, BallotReceipt receipt, JsonSerializerOptions? json = null) : IResult, IEndpointMetadataProvider
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public string Status { get; } = status;

    public BallotReceipt Receipt { get; } = receipt;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        JavaScriptEncoder? encoder = (json ?? httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions).Encoder;
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer = t_writer is { } cached && cached.Options.Encoder == encoder
            ? cached
            : t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
        writer.Reset(buffer);
        Write(writer, Status, Receipt);
        writer.Flush();

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        // Buffered by the server and sent, headers and body together, when the request ends.
        response.BodyWriter.Write(buffer.WrittenSpan);
        return Task.CompletedTask;
    }

    /// <summary>The receipt as the <see cref="ReceiptResponse"/> object (web casing).</summary>
    public static void Write(Utf8JsonWriter json, string status, BallotReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(receipt);
        json.WriteStartObject();
        json.WriteString("status"u8, status);
        json.WriteNumber("index"u8, receipt.Index);
        json.WriteBase64String("entryHash"u8, receipt.LeafHash.Span);
        json.WriteString("checkpoint"u8, receipt.Checkpoint.Note.Span);
        json.WriteStartArray("inclusionProof"u8);
        foreach (byte[] hash in receipt.InclusionProof)
        {
            json.WriteBase64StringValue(hash);
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
