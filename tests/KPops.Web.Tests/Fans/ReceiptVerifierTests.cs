using System.Text;
using KPops.Log;
using KPops.Web.Tests.Infrastructure;

namespace KPops.Web.Tests.Fans;

/// <summary>
/// The browser's receipt verifier (wwwroot/js/verify.js) against receipts made by the log library with many keys:
/// base64 keys often hold "+" and "/", which once made the verifier reject every receipt of such a log.
/// </summary>
public sealed class ReceiptVerifierTests(ChromiumBrowser chromium, FanWebServer server) : IClassFixture<FanWebServer>
{
    private const string Origin = "tests.kpops.localhost/log";

    [Fact]
    public async Task Receipts_verify_in_the_browser_whatever_characters_the_log_key_holds()
    {
        var signers = KeysCovering('+', '/');
        var page = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await page.GotoAsync("/");
            foreach (var signer in signers)
            {
                string verdict = await VerifyInBrowserAsync(page, ReceiptForSecondOfTwo(signer), signer.Verifier.KeyText);
                Assert.Contains("\"ok\":true", verdict, StringComparison.Ordinal);
            }
        }
        finally
        {
            await page.Context.CloseAsync();
            foreach (var signer in signers)
            {
                signer.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_receipt_signed_by_another_key_of_the_same_log_name_fails_its_signature_check()
    {
        using var logKey = NoteSigner.Generate(Origin);
        using var impostor = NoteSigner.Generate(Origin);
        var page = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await page.GotoAsync("/");
            string verdict = await VerifyInBrowserAsync(page, ReceiptForSecondOfTwo(impostor), logKey.Verifier.KeyText);
            Assert.Contains("\"signature\":false", verdict, StringComparison.Ordinal);
            Assert.Contains("\"proof\":true", verdict, StringComparison.Ordinal);
            Assert.Contains("\"ok\":false", verdict, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Fresh keys until their verifier texts, between them, hold every one of <paramref name="characters"/>.</summary>
    private static List<NoteSigner> KeysCovering(params char[] characters)
    {
        var signers = new List<NoteSigner>();
        while (!characters.All(c => signers.Any(s => KeyPart(s).Contains(c, StringComparison.Ordinal))) && signers.Count < 200)
        {
            signers.Add(NoteSigner.Generate(Origin));
        }

        Assert.All(characters, c => Assert.Contains(signers, s => KeyPart(s).Contains(c, StringComparison.Ordinal)));
        return signers;
    }

    private static string KeyPart(NoteSigner signer) => signer.Verifier.KeyText.Split('+', 3)[2];

    /// <summary>A two-leaf log: the receipt of leaf 1, whose proof is leaf 0's hash, under a checkpoint signed by <paramref name="signer"/>.</summary>
    private static object ReceiptForSecondOfTwo(NoteSigner signer)
    {
        byte[] first = Rfc6962.HashLeaf("first entry"u8);
        byte[] second = Rfc6962.HashLeaf("second entry"u8);
        byte[] root = new byte[Rfc6962.HashSize];
        Rfc6962.HashChildren(first, second, root);
        var checkpoint = SignedCheckpoint.Create(new Checkpoint(Origin, 2, root), signer);
        return new
        {
            index = 1,
            entryHash = Convert.ToBase64String(second),
            checkpoint = Encoding.UTF8.GetString(checkpoint.Note.Span),
            inclusionProof = new[] { Convert.ToBase64String(first) },
        };
    }

    private static async Task<string> VerifyInBrowserAsync(Microsoft.Playwright.IPage page, object receipt, string keyText) =>
        await page.EvaluateAsync<string>(
            "async ([receipt, key]) => JSON.stringify(await (await import('/js/verify.js')).verifyReceipt(receipt, key))",
            new[] { receipt, keyText });
}
