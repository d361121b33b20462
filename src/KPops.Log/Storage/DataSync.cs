using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KPops.Log;

/// <summary>
/// fdatasync: makes a file's data durable, with only the metadata needed to read it back (its size, its blocks) —
/// not its modification time. For a file overwritten in place at a fixed size, such as the checkpoint slots, that
/// spares writing the inode on every commit, which fsync (.NET's <see cref="RandomAccess.FlushToDisk"/>) does.
/// Elsewhere than Linux it falls back to FlushToDisk.
/// </summary>
internal static partial class DataSync
{
    public static void Flush(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(file);
            return;
        }

        if (Fdatasync(file) != 0)
        {
            throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Fdatasync(SafeFileHandle descriptor);
}
