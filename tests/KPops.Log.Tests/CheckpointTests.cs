namespace KPops.Log.Tests;

public class CheckpointTests
{
    // The example checkpoint body of c2sp.org/tlog-checkpoint.
    private const string SpecExample = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void The_spec_example_parses_and_formats_back_byte_for_byte()
    {
        Checkpoint checkpoint = Checkpoint.Parse(SpecExample);
        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163, checkpoint.Size);
        Assert.Equal(SpecExample, checkpoint.Format());
    }

    [Fact]
    public void Extension_lines_are_kept_in_order()
    {
        string text = SpecExample + "ext one\next two\n";
        Checkpoint checkpoint = Checkpoint.Parse(text);
        Assert.Equal(["ext one", "ext two"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    [Theory]
    [InlineData("example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")]          // no final newline
    [InlineData("example.com/log\n1\n")]                                                        // no root
    [InlineData("\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]                          // empty origin
    [InlineData("example.com/log\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]          // leading zero
    [InlineData("example.com/log\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n")]            // 31 bytes
    [InlineData("example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")]           // non-canonical bits
    [InlineData("example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")]            // no padding
    [InlineData("example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n")]         // empty extension
    public void Malformed_checkpoints_are_rejected(string text)
    {
        Assert.False(Checkpoint.TryParse(text, out _, out string? error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Empty_tree_checkpoint_says_size_zero()
    {
        var checkpoint = new Checkpoint("kpops.example/log", 0, Rfc6962.EmptyRoot);
        Assert.Equal("kpops.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", checkpoint.Format());
        Assert.Equal(0, Checkpoint.Parse(checkpoint.Format()).Size);
    }
}
