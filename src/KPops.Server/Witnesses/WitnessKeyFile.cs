using System.Text;
using KPops.Log;
using KPops.Server.Hosting;

namespace KPops.Server.Witnesses;

/// <summary>
/// A witness's signing key in its state directory (<c>witness.key</c>, owner-only, signed-note signer key format),
/// created on first start with the given name and reused after; <c>witness.pub</c> next to it holds the public
/// cosignature verifier key to hand to logs and auditors.
/// </summary>
public static class WitnessKeyFile
{
    public const string SecretFileName = "witness.key";
    public const string PublicFileName = "witness.pub";

    /// <summary>The default name of a new witness: this machine's name, as a schema-less URL-like key name.</summary>
    public static string DefaultName => Environment.MachineName.ToLowerInvariant().Replace(' ', '-').Replace('+', '-') + "/kpops-witness";

    /// <summary>Whether <paramref name="stateDirectory"/> already holds a witness key.</summary>
    public static bool Exists(string stateDirectory) => File.Exists(Path.Combine(stateDirectory, SecretFileName));

    /// <summary>Loads the key, or creates it named <paramref name="name"/> (default <see cref="DefaultName"/>) when there is none.</summary>
    /// <exception cref="InvalidOperationException">The key file is unreadable, or was made under another name.</exception>
    public static CosignatureSigner LoadOrCreate(string stateDirectory, string? name)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        string path = Path.Combine(stateDirectory, SecretFileName);
        if (!File.Exists(path))
        {
            CosignatureSigner created = CosignatureSigner.Generate(name ?? DefaultName);
            OwnerOnlyFile.WriteNew(path, Encoding.UTF8.GetBytes(created.ExportSignerKey() + "\n"));
            File.WriteAllText(Path.Combine(stateDirectory, PublicFileName), created.Verifier.KeyText + "\n");
            return created;
        }

        CosignatureSigner signer = Load(stateDirectory);
        if (name is not null && signer.Name != name)
        {
            signer.Dispose();
            throw new InvalidOperationException($"The witness key in {path} is named '{signer.Name}', not '{name}'. A witness keeps its name; drop --name or use another state directory.");
        }

        return signer;
    }

    /// <summary>Loads the existing key.</summary>
    /// <exception cref="InvalidOperationException">There is no key, or it is unreadable.</exception>
    public static CosignatureSigner Load(string stateDirectory)
    {
        string path = Path.Combine(stateDirectory, SecretFileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"There is no witness key in {stateDirectory}: start the witness once to create it.");
        }

        return CosignatureSigner.TryParse(File.ReadAllText(path).Trim(), out CosignatureSigner? signer, out string? error)
            ? signer
            : throw new InvalidOperationException($"The witness key in {path} cannot be read: {error}.");
    }
}
