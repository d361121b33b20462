using System.Diagnostics;

namespace KPops.Fuzz;

/// <summary>What an in-process run found: inputs tried and the first failure, if any.</summary>
public sealed record InProcessFuzzResult(string Target, int Executions, byte[]? FailingInput, Exception? Failure, TimeSpan Elapsed)
{
    public bool Passed => Failure is null;
}

/// <summary>
/// A small AFL-style mutator run in this process, for the test suite's bounded fuzz run (no AFL, no instrumentation):
/// every corpus input once, then random mutations of them — bit flips, interesting values, insertions, deletions,
/// duplicated blocks and splices — up to a count or a time budget, seeded so a run can be repeated. A hang is caught
/// by the caller's watchdog (<see cref="CurrentInput"/> says on what).
/// </summary>
public sealed class InProcessFuzzer(IFuzzTarget target, IReadOnlyList<byte[]> corpus, int seed)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x02, 0x0a, 0x20, 0x22, 0x2b, 0x2c, 0x2f, 0x30, 0x39, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0xc3, 0xe2, 0xfe, 0xff];

    private readonly Random _random = new(seed);

    /// <summary>The input being run now (for a watchdog that reports a hang).</summary>
    public byte[]? CurrentInput { get; private set; }

    /// <summary>
    /// Runs the corpus, then mutations until <paramref name="maxExecutions"/> of them or the time
    /// <paramref name="budget"/> is spent — but at least <paramref name="minMutations"/>, however slow the target.
    /// </summary>
    public InProcessFuzzResult Run(int maxExecutions, TimeSpan budget, int minMutations = 100)
    {
        var clock = Stopwatch.StartNew();
        int executions = 0;
        var inputs = corpus.Count == 0 ? new List<byte[]> { Array.Empty<byte>() } : corpus.ToList();
        foreach (byte[] input in inputs.Concat(Enumerable.Range(0, maxExecutions).Select(_ => Mutate(inputs))))
        {
            if (executions >= inputs.Count + minMutations && clock.Elapsed > budget)
            {
                break;
            }

            CurrentInput = input;
            executions++;
            try
            {
                target.Run(input);
            }
#pragma warning disable CA1031 // Any exception that escapes a target is the finding this runner reports.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return new InProcessFuzzResult(target.Name, executions, input, exception, clock.Elapsed);
            }
        }

        return new InProcessFuzzResult(target.Name, executions, null, null, clock.Elapsed);
    }

    private byte[] Mutate(List<byte[]> inputs)
    {
        var data = new List<byte>(inputs[_random.Next(inputs.Count)]);
        int rounds = 1 << _random.Next(4);
        for (int i = 0; i < rounds; i++)
        {
            MutateOnce(data, inputs);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data, List<byte[]> inputs)
    {
        int at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 2 when data.Count > 0:
                data[at] = (byte)(data[at] + _random.Next(-35, 36));
                break;
            case 3:
                data.Insert(at, Interesting[_random.Next(Interesting.Length)]);
                break;
            case 4 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                break;
            case 5 when data.Count > 0:
                int length = Math.Min(data.Count - at, 1 + _random.Next(32));
                data.InsertRange(_random.Next(data.Count + 1), data.GetRange(at, length));
                break;
            case 6:
                byte[] other = inputs[_random.Next(inputs.Count)];
                if (other.Length > 0)
                {
                    int from = _random.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(from).ToArray());
                }

                break;
            default:
                if (data.Count >= 4)
                {
                    int width = 1 << _random.Next(3);
                    int position = _random.Next(data.Count - width + 1);
                    for (int k = 0; k < width; k++)
                    {
                        data[position + k] = (byte)(_random.Next(2) == 0 ? 0xff : 0x00);
                    }
                }

                break;
        }
    }
}
