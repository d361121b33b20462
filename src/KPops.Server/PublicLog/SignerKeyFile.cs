using KPops.Log;
using KPops.Server.Hosting;

namespace KPops.Server.PublicLog;

/// <summary>
/// The log's signer key on disk: created on first start with owner-only permissions (0600) before any secret is
/// written to it, read on every later start. The key text is never logged or shown.
/// </summary>
internal static class SignerKeyFile
{
    public static NoteSigner LoadOrCreate(string path, string origin)
    {
        if (File.Exists(path))
        {
            string text = File.ReadAllText(path).Trim();
            if (!NoteSigner.TryParse(text, out NoteSigner? signer, out string? error))
            {
                throw new InvalidOperationException($"The log signer key in {path} cannot be read: {error}.");
            }

            if (signer.Name != origin)
            {
                signer.Dispose();
                throw new InvalidOperationException(
                    $"The log signer key in {path} was made for origin '{signer.Name}', but the configured origin is '{origin}'. " +
                    "A log's origin cannot change; set KPops:Log:Origin back or start a new data directory.");
            }

            return signer;
        }

        NoteSigner created = NoteSigner.Generate(origin);
        OwnerOnlyFile.WriteNew(path, System.Text.Encoding.UTF8.GetBytes(created.ExportSignerKey() + "\n"));
        return created;
    }
}
