using System.Globalization;
using System.Runtime.CompilerServices;

namespace KPops.Format.Tests;

/// <summary>
/// A Eurovision final's published per-country points, read from a fixture file beside this source file:
/// one row per voting country and kind (jury or televote), one column per finalist.
/// </summary>
internal sealed record EurovisionScoreboard(
    IReadOnlyList<string> Finalists,
    IReadOnlyList<string> Voters,
    IReadOnlyList<(string Voter, string Finalist, int Points)> Jury,
    IReadOnlyList<(string Voter, string Finalist, int Points)> Televote)
{
    public static EurovisionScoreboard Read(string fileName, [CallerFilePath] string callerPath = "")
    {
        var path = Locate(fileName, callerPath);
        var lines = File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var finalists = lines[0].Split(',')[2..];
        var voters = new List<string>();
        var jury = new List<(string, string, int)>();
        var televote = new List<(string, string, int)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var (kind, voter) = (cells[0], cells[1]);
            if (!voters.Contains(voter))
            {
                voters.Add(voter);
            }

            var target = kind switch
            {
                "jury" => jury,
                "televote" => televote,
                _ => throw new FormatException($"{fileName}: unknown kind '{kind}'"),
            };
            for (var i = 0; i < finalists.Length; i++)
            {
                var points = int.Parse(cells[i + 2], CultureInfo.InvariantCulture);
                if (points > 0)
                {
                    target.Add((voter, finalists[i], points));
                }
            }
        }

        return new EurovisionScoreboard(finalists, voters, jury, televote);
    }

    /// <summary>
    /// Beside this source file; or, when the build mapped source paths away (deterministic CI builds), found by
    /// walking up from the test binaries to the repository's copy.
    /// </summary>
    private static string Locate(string fileName, string callerPath)
    {
        var besideSource = Path.Combine(Path.GetDirectoryName(callerPath) ?? "", fileName);
        if (File.Exists(besideSource))
        {
            return besideSource;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "KPops.Format.Tests", "Published", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Fixture {fileName} not found beside {callerPath} or above {AppContext.BaseDirectory}.");
    }
}
