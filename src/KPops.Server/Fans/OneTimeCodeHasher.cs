using System.Security.Cryptography;
using System.Text;
using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>HMAC-SHA256 of a code, keyed with <see cref="CodeHashKeyFile"/> and bound to the code's row id.</summary>
public sealed class OneTimeCodeHasher(DataDirectory data)
{
    private readonly Lazy<byte[]> _key = new(() => CodeHashKeyFile.LoadOrCreate(data));

    public byte[] Hash(Guid codeId, string code) =>
        HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{codeId:N}:{code}"));

    public bool Matches(Guid codeId, string code, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(codeId, code), hash);
}
