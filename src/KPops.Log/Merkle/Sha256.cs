using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace KPops.Log;

/// <summary>
/// SHA-256 for the log's many tiny inputs (a 41-byte ballot leaf, a 65-byte node).
/// </summary>
/// <remarks>
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> goes through OpenSSL's EVP layer, whose per-call
/// set-up dominates for inputs this small: measured here at 850–1,550 ns per 65-byte hash, against 160–205 ns for
/// OpenSSL's own low-level <c>SHA256_Init/Update/Final</c> (the same SHA-NI code without the EVP fetch), on the same
/// machine in the same run. Every ballot costs two hashes, so this is the largest single cost on the append path.
/// Those functions are deprecated in OpenSSL 3 but still exported by Debian's libcrypto.so.3, which .NET itself
/// needs on Linux; where they cannot be found we fall back to the BCL, which gives the same bytes more slowly.
/// </remarks>
[SkipLocalsInit]
public static unsafe class Sha256
{
    public const int HashSize = 32;

    // OpenSSL's SHA256_CTX is 112 bytes; leave headroom rather than depend on the exact layout.
    internal const int ContextSize = 256;

    internal static readonly delegate* unmanaged<byte*, int> Init;
    internal static readonly delegate* unmanaged<byte*, byte*, nuint, int> Update;
    internal static readonly delegate* unmanaged<byte*, byte*, int> Final;

#pragma warning disable CA1810 // The three exports must be resolved together or not at all.
    static Sha256()
#pragma warning restore CA1810
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out IntPtr library))
        {
            return;
        }

        if (NativeLibrary.TryGetExport(library, "SHA256_Init", out IntPtr init)
            && NativeLibrary.TryGetExport(library, "SHA256_Update", out IntPtr update)
            && NativeLibrary.TryGetExport(library, "SHA256_Final", out IntPtr final))
        {
            Init = (delegate* unmanaged<byte*, int>)init;
            Update = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
            Final = (delegate* unmanaged<byte*, byte*, int>)final;
        }
    }

    /// <summary>True when hashing runs through OpenSSL's low-level API rather than the BCL's EVP path.</summary>
    public static bool UsesLowLevelOpenSsl => Init != null;

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }

        if (Init == null)
        {
            SHA256.HashData(source, destination);
            return;
        }

        byte* context = stackalloc byte[ContextSize];
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            // The low-level calls only fail on a null context, which cannot happen here.
            _ = Init(context);
            _ = Update(context, input, (nuint)source.Length);
            _ = Final(output, context);
        }
    }
}
