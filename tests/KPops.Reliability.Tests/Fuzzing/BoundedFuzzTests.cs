using KPops.Fuzz;
using KPops.Reliability.Tests.Infrastructure;

namespace KPops.Reliability.Tests.Fuzzing;

/// <summary>
/// The bounded fuzz run of the test command: every fuzz target runs its committed corpus (fuzz/corpus/&lt;target&gt;,
/// AFL's findings included) and then seeded random mutations of it in this process, a few seconds each. Any exception
/// that escapes a target is a finding (the targets catch what their parsers document); an input that runs longer than
/// the watchdog allows is a hang. AFL++ itself runs outside the test command (fuzz/run.sh).
/// </summary>
public sealed class BoundedFuzzTests
{
    private const int MaxMutations = 20_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Target_survives_its_corpus_and_random_mutations(string name)
    {
        IFuzzTarget target = FuzzTargets.Find(name)!;
        string directory = RepositoryPaths.Corpus(name);
        Assert.True(Directory.Exists(directory), $"No committed seed corpus at {directory}.");
        byte[][] corpus = Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(corpus);

        var fuzzer = new InProcessFuzzer(target, corpus, seed: name.Length * 7919);
        var run = Task.Factory.StartNew(() => fuzzer.Run(MaxMutations, Budget), TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (await Task.WhenAny(run, Task.Delay(Budget + HangAfter, TestContext.Current.CancellationToken)) != run)
        {
            Assert.Fail($"{name} hangs on input {Convert.ToHexString(fuzzer.CurrentInput ?? [])}");
        }

        InProcessFuzzResult result = await run;
        Assert.True(result.Passed, $"{name} failed after {result.Executions} inputs on {Convert.ToHexString(result.FailingInput ?? [])}: {result.Failure}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {result.Executions} inputs in {result.Elapsed.TotalSeconds:F1} s, no failure");
    }

    [Fact]
    public void Every_target_has_a_committed_seed_for_each_seed_it_generates()
    {
        foreach (IFuzzTarget target in FuzzTargets.All)
        {
            foreach (FuzzSeed seed in target.Seeds())
            {
                Assert.True(File.Exists(Path.Combine(RepositoryPaths.Corpus(target.Name), seed.Name)),
                    $"fuzz/corpus/{target.Name}/{seed.Name} is missing: run `kpops-fuzz --write-seeds fuzz/corpus`.");
            }
        }
    }
}
