using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KPops.Log;

/// <summary>
/// A C2SP tlog-checkpoint body: origin line, decimal tree size, base64 root hash, then optional non-empty
/// extension lines, each ending in a newline. Parsing is strict — one accepted spelling per checkpoint.
/// </summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    public Checkpoint(string origin, long size, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        if (string.IsNullOrEmpty(origin) || origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The origin is one non-empty line.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException("The root hash is 32 bytes.", nameof(rootHash));
        }

        foreach (string extension in extensions ?? [])
        {
            if (string.IsNullOrEmpty(extension) || extension.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException("Extension lines are non-empty single lines.", nameof(extensions));
            }
        }

        Origin = origin;
        Size = size;
        _rootHash = rootHash.ToArray();
        Extensions = extensions ?? [];
    }

    public string Origin { get; }

    public long Size { get; }

    public ReadOnlySpan<byte> RootHash => _rootHash;

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text to sign.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (string extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }

        return text.ToString();
    }

    public override string ToString() => Format();

    public static Checkpoint Parse(string text) =>
        TryParse(text, out Checkpoint? checkpoint, out string? error) ? checkpoint : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? error)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(text) || text[^1] != '\n')
        {
            error = "a checkpoint ends with a newline";
            return false;
        }

        string[] lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            error = "a checkpoint has an origin, a size and a root hash line";
            return false;
        }

        if (lines[0].Length == 0)
        {
            error = "the origin line is empty";
            return false;
        }

        if (!TryParseSize(lines[1], out long size))
        {
            error = "the size line is not a decimal number without leading zeroes";
            return false;
        }

        if (!StrictBase64.TryDecode(lines[2], out byte[] root) || root.Length != Rfc6962.HashSize)
        {
            error = "the root hash line is not the base64 of 32 bytes";
            return false;
        }

        string[] extensions = lines[3..];
        foreach (string extension in extensions)
        {
            if (extension.Length == 0)
            {
                error = "extension lines must be non-empty";
                return false;
            }
        }

        checkpoint = new Checkpoint(lines[0], size, root, extensions);
        error = null;
        return true;
    }

    private static bool TryParseSize(string line, out long size)
    {
        size = 0;
        if (line.Length == 0 || line.Length > 19 || (line.Length > 1 && line[0] == '0'))
        {
            return false;
        }

        foreach (char c in line)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }
}
