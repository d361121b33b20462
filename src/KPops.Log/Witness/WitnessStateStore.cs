using System.Security.Cryptography;
using System.Text;

namespace KPops.Log;

/// <summary>
/// A witness's memory: for each log origin, the latest checkpoint it cosigned, as the signed note it received,
/// one file per origin (<c>&lt;dir&gt;/checkpoints/&lt;hex SHA-256 of the origin&gt;</c>). A file is replaced atomically
/// (temporary file, fsync, rename, directory fsync), so a crash leaves the old or the new checkpoint, never a mix or
/// nothing. A state that cannot be read is an error, never "no state": a witness that forgot a log would cosign a
/// rewritten history. This class stores; <see cref="CheckpointWitness"/> decides (and never moves backwards).
/// </summary>
public sealed class WitnessStateStore
{
    private const string CheckpointsDirectoryName = "checkpoints";
    private readonly string _directory;

    public WitnessStateStore(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        _directory = Path.Combine(stateDirectory, CheckpointsDirectoryName);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The latest cosigned checkpoint of <paramref name="origin"/>, or null if the witness never cosigned one.</summary>
    public Checkpoint? Load(string origin)
    {
        string path = PathOf(origin);
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] note = File.ReadAllBytes(path);
        if (!SignedNote.TryParseUnverified(note, out string? text, out _) || !Checkpoint.TryParse(text, out Checkpoint? checkpoint, out _)
            || checkpoint.Origin != origin)
        {
            throw new InvalidDataException($"The witness state for '{origin}' in {path} is unreadable; refusing to forget it.");
        }

        return checkpoint;
    }

    /// <summary>Durably replaces the checkpoint remembered for its origin.</summary>
    public void Save(Checkpoint checkpoint, ReadOnlySpan<byte> signedNote)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        DurableFile.Replace(PathOf(checkpoint.Origin), signedNote);
    }

    private string PathOf(string origin) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(origin))));
}
