using KPops.Server.Fans;
using KPops.Server.Hosting;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

public sealed class VoterTokenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kpops-voter-tokens-").FullName;
    private readonly Clock _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Issued_token_has_the_voter_prefix_and_reads_back_as_its_fan()
    {
        var tokens = Tokens();
        var fan = Guid.NewGuid();

        var verifiedAt = _clock.Now.AddDays(-3);

        string token = tokens.Issue(fan, verifiedAt);

        Assert.StartsWith(VoterTokens.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(new VoterTokenClaims(fan, verifiedAt), tokens.Read(token));
    }

    [Fact]
    public void Legacy_token_without_the_verification_time_is_still_read_for_its_hour()
    {
        var fan = Guid.NewGuid();
        string legacy = LegacyVoterToken.For(_directory, fan, _clock.Now + VoterTokens.Lifetime);

        Assert.Equal(new VoterTokenClaims(fan, null), Tokens().Read(legacy));
        _clock.Now += VoterTokens.Lifetime;
        Assert.Null(Tokens().Read(legacy));
    }

    [Fact]
    public void Token_survives_a_restart_with_the_same_data_directory()
    {
        var fan = Guid.NewGuid();
        string token = Tokens().Issue(fan, _clock.Now);

        Assert.Equal(fan, Tokens().Read(token)?.FanId);
    }

    [Fact]
    public void Token_is_refused_once_its_hour_is_over()
    {
        var tokens = Tokens();
        string token = tokens.Issue(Guid.NewGuid(), _clock.Now);

        _clock.Now += VoterTokens.Lifetime - TimeSpan.FromSeconds(1);
        Assert.NotNull(tokens.Read(token));
        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(tokens.Read(token));
    }

    [Fact]
    public void Token_with_any_character_altered_is_refused()
    {
        var tokens = Tokens();
        string token = tokens.Issue(Guid.NewGuid(), _clock.Now);

        for (int i = VoterTokens.Prefix.Length; i < token.Length; i++)
        {
            char replacement = token[i] == 'A' ? 'B' : 'A';
            string altered = string.Concat(token.AsSpan(0, i), [replacement], token.AsSpan(i + 1));
            Assert.Null(tokens.Read(altered));
        }
    }

    [Fact]
    public void Token_signed_with_another_servers_key_is_refused()
    {
        string other = Directory.CreateTempSubdirectory("kpops-voter-tokens-other-").FullName;
        try
        {
            string foreign = new VoterTokens(Data(other), _clock).Issue(Guid.NewGuid(), _clock.Now);

            Assert.Null(Tokens().Read(foreign));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("kv1.")]
    [InlineData("kv1.not-base64!")]
    [InlineData("kv2.")]
    [InlineData("kv2.not-base64!")]
    [InlineData("CfDJ8Identity-bearer-looking-token")]
    public void Malformed_token_is_refused(string token) => Assert.Null(Tokens().Read(token));

    [Fact]
    public void Truncated_or_extended_token_is_refused()
    {
        var tokens = Tokens();
        string token = tokens.Issue(Guid.NewGuid(), _clock.Now);

        Assert.Null(tokens.Read(token.AsSpan()[..^1]));
        Assert.Null(tokens.Read(token + "A"));
    }

    private VoterTokens Tokens() => new(Data(_directory), _clock);

    private static DataDirectory Data(string path) => new(Options.Create(new ServerOptions { DataDirectory = path }));

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
