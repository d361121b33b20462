using System.Buffers;
using System.IO.Pipelines;

namespace KPops.Server.Hosting;

/// <summary>Reads request bodies with a hard size limit, whatever the server in front does.</summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or null if it is longer than <paramref name="maxBytes"/> (read no further).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(16 * 1024, maxBytes + 1)];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The body, parsed by <paramref name="parse"/> straight from the server's own buffers (no copy, no array), or
    /// Fits = false if it is longer than <paramref name="maxBytes"/> (read no further). For small bodies on hot routes
    /// only: the whole body stays in the server's buffers until it is complete, and Kestrel stops reading a connection
    /// whose unconsumed input reaches its request buffer limit (1 MiB by default) — larger bodies (season files) use
    /// <see cref="ReadLimitedAsync"/>, which consumes as it copies.
    /// </summary>
    public static async ValueTask<(bool Fits, T? Value)> ParseLimitedAsync<T>(
        PipeReader body, int maxBytes, Func<ReadOnlySequence<byte>, T?> parse, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await body.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                return (false, default);
            }

            if (result.IsCompleted)
            {
                try
                {
                    return (true, parse(buffer));
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            if (result.IsCanceled)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("Reading the request body was cancelled.");
            }

            // Not all of it yet: keep what arrived and wait for more.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
