using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using KPops.Server.Fans;
using KPops.Server.Hosting;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// A <c>kv1.</c> voter token as servers issued them before tokens carried the account's verification time: the fan
/// id and the expiry, MACed with the data directory's voter token key. Still accepted for the hour after an upgrade.
/// </summary>
internal static class LegacyVoterToken
{
    public static string For(string dataDirectory, Guid fan, DateTimeOffset expires)
    {
        byte[] key = VoterTokenKeyFile.LoadOrCreate(new DataDirectory(Options.Create(new ServerOptions { DataDirectory = dataDirectory })));
        var token = new byte[16 + 8 + 32];
        fan.TryWriteBytes(token.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(16), expires.ToUnixTimeSeconds());
        HMACSHA256.HashData(key, token.AsSpan(0, 24), token.AsSpan(24));
        return VoterTokens.LegacyPrefix + Base64Url.EncodeToString(token);
    }
}
