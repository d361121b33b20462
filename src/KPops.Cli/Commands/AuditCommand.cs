using System.CommandLine;
using KPops.Audit;
using KPops.Log;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>
/// <c>kpops audit SOURCE --key KEY</c>: verifies a published vote log and recounts it (see docs/audit.md).
/// Exit codes: 0 passed, 3 the log failed verification (or too few witnesses cosigned it), 4 the recount disagrees with the log's announcements
/// or an entry is invalid, 5 incomplete (nothing failed, but entries under embargo could not be recounted yet), 1 bad arguments,
/// 2 a named file does not exist.
/// </summary>
internal static class AuditCommand
{
    public const int VerificationFailed = 3;
    public const int RecountMismatch = 4;
    public const int Incomplete = 5;

    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "A directory of tiles (a mirror or an export) or the http(s) URL of a server's log, e.g. https://example.org/log/." };
        var key = new Option<string>("--key") { Description = "The log's verifier key (name+id+key), or a file that holds it.", HelpName = "KEY|FILE", Required = true };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Where to remember verified checkpoints (default: ~/.kpops/audit/<origin>).", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML report page.", HelpName = "FILE" };
        var witness = new Option<string[]>("--witness") { Description = "A witness's cosignature key (name+id+key), or a file holding it, whose cosignature on the checkpoint to check. Repeatable.", HelpName = "KEY|FILE" };
        var minWitnesses = new Option<int?>("--min-witnesses") { Description = "Fail unless at least N of the --witness keys validly cosigned the checkpoint (default: 1 when --witness is given).", HelpName = "N" };

        var command = new Command("audit", "Verify a vote log, check it against earlier checkpoints, recount every round, compare with every announcement, and run the tally forensics.")
        {
            source, key, state, json, html, witness, minWitnesses,
        };
        command.SetCliAction((parseResult, console) =>
        {
            var verifier = ReadKey(parseResult.GetValue(key)!);
            var witnesses = (parseResult.GetValue(witness) ?? []).Select(ReadWitnessKey).ToList();
            var quorum = WitnessQuorum(parseResult.GetValue(minWitnesses), witnesses.Count);
            var sourceText = parseResult.GetValue(source)!;
            using var http = IsUrl(sourceText) ? new HttpClient() : null;
            var tiles = OpenSource(sourceText, http);
            var stateDirectory = parseResult.GetValue(state);
            LogAuditor Auditor(IProgress<AuditProgress>? progress) => new(tiles, verifier)
            {
                SourceName = sourceText,
                State = stateDirectory is null ? null : new AuditStateStore(stateDirectory.FullName),
                StateForOrigin = origin => new AuditStateStore(AuditStateStore.DefaultDirectory(origin)),
                Progress = progress,
                Witnesses = witnesses,
                MinWitnesses = quorum,
            };
            var report = Run(console, Auditor);
            if (parseResult.GetValue(json))
            {
                console.Out.Profile.Out.Writer.WriteLine(AuditReportJson.Write(report));
            }
            else
            {
                AuditReportView.Write(console.Out, report);
            }

            if (parseResult.GetValue(html) is { } page)
            {
                File.WriteAllText(page.FullName, AuditReportHtml.Write(report));
            }

            return report.Verdict switch
            {
                AuditVerdict.Passed => ExitCodes.Success,
                AuditVerdict.Incomplete => Incomplete,
                AuditVerdict.RecountMismatch => RecountMismatch,
                _ => VerificationFailed,
            };
        });
        return command;
    }

    /// <summary>Runs the audit, with a progress bar when standard error is a terminal.</summary>
    private static AuditReport Run(CliConsole console, Func<IProgress<AuditProgress>?, LogAuditor> auditor)
    {
        if (!console.ErrorIsTerminal)
        {
            return auditor(null).RunAsync().GetAwaiter().GetResult();
        }

        return console.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("verifying and recounting", maxValue: 1.0);
                var progress = new Progress<AuditProgress>(p => task.Value = p.TotalEntries == 0 ? 1 : (double)p.EntriesRead / p.TotalEntries);
                return auditor(progress).RunAsync().GetAwaiter().GetResult();
            });
    }

    private static NoteVerifier ReadKey(string value)
    {
        var text = File.Exists(value) ? File.ReadLines(value).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() : value.Trim();
        return NoteVerifier.TryParse(text, out var verifier, out var error)
            ? verifier
            : throw new CliException($"--key: not a verifier key ({error}). Pass the log's key text or a file holding it.");
    }

    private static CosignatureVerifier ReadWitnessKey(string value)
    {
        var text = File.Exists(value) ? File.ReadLines(value).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() : value.Trim();
        return CosignatureVerifier.TryParse(text, out var witness, out var error)
            ? witness
            : throw new CliException($"--witness {value}: not a witness key ({error}). Pass the key `kpops witness key` prints, or a file holding it.");
    }

    private static int WitnessQuorum(int? requested, int witnesses)
    {
        int quorum = requested ?? (witnesses > 0 ? 1 : 0);
        if (quorum < 0 || quorum > witnesses)
        {
            throw new CliException($"--min-witnesses {quorum}: must be between 0 and the number of --witness keys ({witnesses}).");
        }

        return quorum;
    }

    private static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static ITileSource OpenSource(string source, HttpClient? http)
    {
        if (http is not null)
        {
            return new HttpTileSource(http, new Uri(source));
        }

        return Directory.Exists(source)
            ? new DirectoryTileSource(source)
            : throw new CliException($"{source}: no such directory (SOURCE is a tiles directory or an http(s) URL).", ExitCodes.FileNotFound);
    }
}
