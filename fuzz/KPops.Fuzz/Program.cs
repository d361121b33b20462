using KPops.Fuzz;
using SharpFuzz;

// kpops-fuzz <target>                 run under AFL++ (persistent mode; see fuzz/run.sh)
// kpops-fuzz <target> FILE...         run each file once and say what happened (reproduce a crash)
// kpops-fuzz <target> --smoke N       N in-process mutations of fuzz/corpus/<target> (no AFL)
// kpops-fuzz --list                   the targets
// kpops-fuzz --write-seeds DIR        write every target's seed inputs to DIR/<target>/
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: kpops-fuzz <target> [FILE...|--smoke N] | --list | --write-seeds DIR");
    return 2;
}

if (args[0] == "--list")
{
    foreach (IFuzzTarget each in FuzzTargets.All)
    {
        Console.WriteLine($"{each.Name,-14} {each.Description}");
    }

    return 0;
}

if (args[0] == "--write-seeds" && args.Length == 2)
{
    foreach (IFuzzTarget each in FuzzTargets.All)
    {
        string directory = Directory.CreateDirectory(Path.Combine(args[1], each.Name)).FullName;
        foreach (FuzzSeed seed in each.Seeds())
        {
            File.WriteAllBytes(Path.Combine(directory, seed.Name), seed.Bytes);
        }
    }

    return 0;
}

IFuzzTarget? target = FuzzTargets.Find(args[0]);
if (target is null)
{
    Console.Error.WriteLine($"kpops-fuzz: no target '{args[0]}'; see --list");
    return 2;
}

if (args.Length == 3 && args[1] == "--smoke")
{
    string corpusDirectory = Path.Combine(AppContext.BaseDirectory, "corpus", target.Name);
    var corpus = Directory.Exists(corpusDirectory) ? Directory.GetFiles(corpusDirectory).Select(File.ReadAllBytes).ToList() : [];
    var result = new InProcessFuzzer(target, corpus, seed: Environment.TickCount).Run(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(1));
    Console.WriteLine($"{target.Name}: {result.Executions} executions, {(result.Passed ? "no failure" : result.Failure!.ToString())}");
    return result.Passed ? 0 : 1;
}

if (args.Length > 1)
{
    int failures = 0;
    foreach (string file in args[1..])
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
            Console.WriteLine($"{file}: ok");
        }
#pragma warning disable CA1031 // Reproducing: report whatever escapes, then go on with the next file.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failures++;
            Console.WriteLine($"{file}: {exception}");
        }
    }

    return failures == 0 ? 0 : 1;
}

// No instrumented code may run before Fuzzer.Run sets up AFL's shared memory (it would write to a null map), so the
// fixtures are built lazily by the first input, which is why run.sh gives afl-fuzz a generous -t.
Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    ReadOnlySpan<byte> input = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    // afl-fuzz aborts its dry run with "No instrumentation detected" when a run records no edge. SharpFuzz 2.3 reads the
    // first input from stdin right after the fork-server handshake, which can be before afl-fuzz has written the first
    // test case: that run sees an empty input, and the targets whose parsing starts in the (uninstrumented) framework —
    // ballot-json and receipt, System.Text.Json — reach no instrumented code on it. One call into an instrumented
    // assembly per run (the same edge every time, so it steers nothing) makes every run visible.
    _ = KPops.Log.EntryBundle.EncodedSize(input.Length);
    target.Run(input);
});
return 0;
