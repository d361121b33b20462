using System.Net;
using System.Net.Http.Json;
using KPops.Audit;
using KPops.Log;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;

namespace KPops.Server.Tests;

/// <summary>
/// The public log under embargo: the entry bundle holding a round's ballots is refused to everyone (the public log has
/// no roles) until the round's announcement is published, while the checkpoint, hash tiles and receipts keep verifying.
/// </summary>
public abstract partial class EmbargoTests<TFixture>
{
    private static readonly Role[] Everyone = [.. Outsiders, Role.Producer];

    private async Task AssertBallotEntriesEmbargoedAsync(long firstBallot)
    {
        var ct = TestContext.Current.CancellationToken;
        string bundle = "/log/" + TilePath.EntryBundle(firstBallot / TileLayout.TileWidth);
        foreach (var role in Everyone)
        {
            await AssertProblemAsync(await Fixture.As(role).GetAsync(bundle, ct), HttpStatusCode.NotFound, "entries_embargoed");
        }

        using var anonymous = ServerFixture.CreateClient(Fixture.App);
        var verifier = NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var client = new TileLogClient(new Infrastructure.HttpTileSource(anonymous));
        var head = await client.ReadCheckpointAsync(verifier, cancellationToken: ct);
        await client.VerifyTreeAsync(head, ct);
        var (_, leafHash) = await client.InclusionProofAsync(firstBallot, head, ct);
        var receipt = (await anonymous.GetFromJsonAsync<ReceiptResponse>($"/api/receipts/{firstBallot}", ct))!;
        var proved = LogVerifier.VerifyCheckpoint(System.Text.Encoding.UTF8.GetBytes(receipt.Checkpoint), verifier);
        Assert.Equal(Convert.ToBase64String(leafHash), receipt.EntryHash);
        Assert.True(LogVerifier.VerifyInclusion(
            leafHash, firstBallot, proved.Size, receipt.InclusionProof.Select(Convert.FromBase64String).ToArray(), proved.RootHash));
        await Assert.ThrowsAsync<LogVerificationException>(() => client.ReadEntryAsync(firstBallot, head, ct));

        // An audit meanwhile verifies the tree and recounts what is released, and says the rest is embargoed.
        var audit = await AuditAsync();
        var embargoed = Assert.Single(audit.Problems);
        Assert.Equal(AuditProblemCodes.Embargoed, embargoed.Code);
        Assert.StartsWith("Entries embargoed until announcement", embargoed.Message, StringComparison.Ordinal);
        Assert.Equal(firstBallot / TileLayout.TileWidth * TileLayout.TileWidth, audit.Recount?.EntriesRead ?? 0);
        Assert.Equal(AuditVerdict.Incomplete, audit.Verdict);
        Assert.Equal(audit.Recount?.EntriesRead ?? 0, audit.Embargo?.ReleasedEntries);
        Assert.Equal(audit.Checkpoint!.Size - audit.Embargo!.ReleasedEntries, audit.Embargo.PendingEntries);
        // The pending rounds come from the released prefix's season: none when the first ballot is in the first bundle.
        if (audit.Embargo.ReleasedEntries > 0)
        {
            Assert.Contains(OperationsFixture.OpenRound, audit.Embargo.PendingRounds);
        }
        else
        {
            Assert.Empty(audit.Embargo.PendingRounds);
        }
    }

    private async Task AssertBallotEntriesReleasedAsync(long firstBallot)
    {
        string bundle = "/log/" + TilePath.EntryBundle(firstBallot / TileLayout.TileWidth);
        foreach (var role in Everyone)
        {
            using var response = await Fixture.As(role).GetAsync(bundle, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var audit = await AuditAsync();
        Assert.Equal(AuditVerdict.Passed, audit.Verdict);
        Assert.Empty(audit.Problems);
    }

    private async Task<AuditReport> AuditAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(Fixture.App);
        var verifier = NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var source = new KPops.Audit.HttpTileSource(anonymous, new Uri(anonymous.BaseAddress!, "/log/"));
        return await new LogAuditor(source, verifier).RunAsync(ct);
    }
}
