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
}
