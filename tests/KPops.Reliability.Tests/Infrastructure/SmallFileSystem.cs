using System.Diagnostics;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// A real, size-limited file system mounted on a directory, for full-disk tests: a tmpfs of the given size, or — where
/// tmpfs may not be mounted — a loop-mounted ext4 image. Needs root (or CAP_SYS_ADMIN); <see cref="TryMount"/> says
/// why not otherwise, so the test can skip. <see cref="Dispose"/> always unmounts.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private string? _image;

    public string? MountPoint { get; private set; }

    /// <summary>Which kind was mounted ("tmpfs" or "ext4 on a loop device").</summary>
    public string? Kind { get; private set; }

    /// <summary>Bytes a process may still write (what <c>df</c> calls available).</summary>
    public long AvailableBytes => new DriveInfo(MountPoint!).AvailableFreeSpace;

    /// <summary>
    /// Mounts a file system of <paramref name="bytes"/> on <paramref name="directory"/> (created if missing). Returns
    /// null when it worked, else why mounting is not permitted here. Fails the test for any other mount error.
    /// </summary>
    public string? TryMount(string directory, long bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "mounting a small file system needs Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "mounting a small file system needs root (or CAP_SYS_ADMIN); run the test suite as root to include this test";
        }

        Directory.CreateDirectory(directory);
        (int tmpfsExit, string tmpfsError) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "tmpfs", directory);
        if (tmpfsExit == 0)
        {
            MountPoint = directory;
            Kind = "tmpfs";
            return null;
        }

        // Some containers refuse tmpfs but allow loop devices: an ext4 image the size asked for.
        _image = directory.TrimEnd('/') + ".img";
        using (var image = File.Create(_image))
        {
            image.SetLength(bytes);
        }

        (int mkfsExit, string mkfsError) = Run("mkfs.ext4", "-q", "-F", "-m", "0", _image);
        if (mkfsExit != 0)
        {
            return NotPermitted($"tmpfs: {tmpfsError}; mkfs.ext4: {mkfsError} (Debian: apt-get install -y e2fsprogs)", tmpfsError);
        }

        (int loopExit, string loopError) = Run("mount", "-o", "loop", _image, directory);
        if (loopExit == 0)
        {
            MountPoint = directory;
            Kind = "ext4 on a loop device";
            return null;
        }

        return NotPermitted($"tmpfs: {tmpfsError}; loop-mounted ext4: {loopError}", tmpfsError + loopError);
    }

    public void Dispose()
    {
        if (MountPoint is not null)
        {
            (int exit, string error) = Run("umount", MountPoint);
            if (exit != 0)
            {
                // Still busy (a handle the test could not close): detach it now, the kernel frees it when released.
                (exit, error) = Run("umount", "-l", MountPoint);
            }

            Assert.True(exit == 0, $"umount {MountPoint}: {error}");
            MountPoint = null;
        }

        if (_image is not null)
        {
            File.Delete(_image);
            _image = null;
        }
    }

    private static string NotPermitted(string reason, string errors)
    {
        bool denied = errors.Contains("permission denied", StringComparison.OrdinalIgnoreCase)
            || errors.Contains("not permitted", StringComparison.OrdinalIgnoreCase)
            || errors.Contains("must be superuser", StringComparison.OrdinalIgnoreCase)
            || errors.Contains("No such file", StringComparison.OrdinalIgnoreCase);
        Assert.True(denied, $"Could not mount a small file system although mounting looks permitted: {reason}");
        return $"this machine does not permit mounting a small file system ({reason})";
    }

    private static (int Exit, string Error) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Trim());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, $"{command}: No such file or directory ({exception.Message})");
        }
    }
}
