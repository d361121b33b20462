using KPops.Audit;
using KPops.Log;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Recount;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>What one check of the served log against the ledger found.</summary>
internal sealed record InvariantReport(long LogSize, int ReceiptsChecked, int BallotsInLog, int BallotsLost, IReadOnlyList<string> Failures);

/// <summary>
/// Audits the log a (restarted) server serves at <c>/log/</c> against everything the load generator holds, using
/// only public data and KPops.Log's verification API:
/// <list type="bullet">
/// <item>the checkpoint verifies under the log's key, every hash tile and every entry verify (<see cref="TileLogClient"/>);</item>
/// <item>the log is consistent with every checkpoint ever served: for each, the root of that prefix of the leaves equals it, and none is beyond the log (nothing acknowledged was rolled back);</item>
/// <item>every receipted ballot is at its receipt's index, with the receipt's leaf hash and nonce (else it is lost);</item>
/// <item>every ballot in the log was sent, once, with the picks sent (no index handed out twice, no phantom or double ballot);</item>
/// <item>a recount from the log alone (<see cref="Recounter"/>) finds no invalid entry and counts exactly the picks of the ballots in the log.</item>
/// </list>
/// </summary>
internal static class LogInvariants
{
    public static async Task<InvariantReport> CheckAsync(HttpClient client, Uri baseAddress, BallotLedger ledger, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var tiles = new TileLogClient(new HttpTileSource(client, new Uri(baseAddress, "log/")));
        Checkpoint head = await tiles.ReadCheckpointAsync(ledger.Verifier, expectedOrigin: null, cancellationToken);
        ledger.SawCheckpoint(head);
        await tiles.VerifyTreeAsync(head, cancellationToken);
        var entries = new List<byte[]>();
        await foreach (var entry in tiles.ReadEntriesAsync(head, cancellationToken: cancellationToken))
        {
            entries.Add(entry.Data.ToArray());
        }

        CheckServedCheckpoints(entries, ledger, failures);
        int lost = CheckReceipts(entries, ledger, failures);
        var expectedVotes = new long[LoadSeason.Trainees.Count];
        int ballots = CheckBallotsInLog(entries, ledger, expectedVotes, failures);
        CheckRecount(entries, expectedVotes, failures);
        return new InvariantReport(head.Size, ledger.Receipts.Count, ballots, lost, failures);
    }

    private static void CheckServedCheckpoints(List<byte[]> entries, BallotLedger ledger, List<string> failures)
    {
        var served = ledger.Checkpoints.OrderBy(c => c.Key).ToArray();
        var range = new CompactRange();
        int next = 0;
        foreach ((long size, byte[] root) in served)
        {
            if (size > entries.Count)
            {
                failures.Add($"a checkpoint of size {size} was served, but the log now has {entries.Count} entries");
                continue;
            }

            while (range.Size < size)
            {
                range.Append(Rfc6962.HashLeaf(entries[next++]));
            }

            if (!range.RootHash().AsSpan().SequenceEqual(root))
            {
                failures.Add($"the log is not consistent with the checkpoint of size {size} it served");
            }
        }
    }

    private static int CheckReceipts(List<byte[]> entries, BallotLedger ledger, List<string> failures)
    {
        int lost = 0;
        foreach (HeldReceipt receipt in ledger.Receipts.Values)
        {
            if (receipt.Index >= entries.Count
                || !Rfc6962.HashLeaf(entries[(int)receipt.Index]).AsSpan().SequenceEqual(receipt.LeafHash)
                || !BallotCodec.TryRead(entries[(int)receipt.Index], out Ballot ballot, out _)
                || ballot.Nonce != receipt.Nonce)
            {
                lost++;
                failures.Add($"ballot {receipt.Nonce}, receipted at index {receipt.Index}, is not there");
            }
        }

        return lost;
    }

    private static int CheckBallotsInLog(List<byte[]> entries, BallotLedger ledger, long[] expectedVotes, List<string> failures)
    {
        var seen = new HashSet<uint>();
        int ballots = 0;
        for (int index = 0; index < entries.Count; index++)
        {
            if (EntryHeader.Check(entries[index], out EntryKind kind) != EntryError.None || kind != EntryKind.Ballot)
            {
                continue;
            }

            ballots++;
            if (!BallotCodec.TryRead(entries[index], out Ballot ballot, out EntryError error))
            {
                failures.Add($"entry {index} is a ballot that does not decode ({error})");
                continue;
            }

            if (!ledger.Sent.TryGetValue(ballot.Nonce, out SentBallot? sent))
            {
                failures.Add($"entry {index} is ballot {ballot.Nonce}, which nobody sent");
                continue;
            }

            if (!seen.Add(ballot.Nonce))
            {
                failures.Add($"ballot {ballot.Nonce} is in the log twice (again at {index})");
                continue;
            }

            if (!ballot.Picks.SequenceEqual(sent.Picks))
            {
                failures.Add($"ballot {ballot.Nonce} at {index} has other picks than were sent");
            }

            foreach (ushort pick in sent.Picks)
            {
                expectedVotes[pick]++;
            }
        }

        return ballots;
    }

    private static void CheckRecount(List<byte[]> entries, long[] expectedVotes, List<string> failures)
    {
        var history = new MemoryEntryHistory();
        foreach (byte[] entry in entries)
        {
            history.Append(entry);
        }

        RecountReport recount = Recounter.Recount(history);
        if (recount.Tallies is null || recount.FindingCount > 0)
        {
            failures.Add($"the recount found {recount.FindingCount} invalid entries: {string.Join("; ", recount.Findings.Take(3))}");
            return;
        }

        for (int trainee = 0; trainee < expectedVotes.Length; trainee++)
        {
            long counted = recount.Tallies.Votes(LoadSeason.RoundId, LoadSeason.Trainees[trainee]);
            if (counted != expectedVotes[trainee])
            {
                failures.Add($"the recount gives {LoadSeason.Trainees[trainee]} {counted} votes; the ballots in the log hold {expectedVotes[trainee]}");
            }
        }
    }
}
