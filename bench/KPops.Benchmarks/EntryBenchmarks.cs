using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using KPops.Log;
using KPops.Voting.Entries;

namespace KPops.Benchmarks;

/// <summary>Per-ballot costs of the entry format and RFC 6962 leaf hashing.</summary>
[MemoryDiagnoser]
public class EntryBenchmarks
{
    private readonly byte[] _buffer = new byte[BallotCodec.MaxSize];
    private readonly byte[] _hash = new byte[Rfc6962.HashSize];
    private readonly IncrementalHash _reusedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Ballot _ballot;
    private int _encodedLength;

    [GlobalSetup]
    public void Setup()
    {
        _ballot = BenchBallots.Of(12345);
        BallotCodec.TryWrite(_ballot, _buffer, out _encodedLength);
    }

    [Benchmark]
    public int Encode_ballot()
    {
        BallotCodec.TryWrite(_ballot, _buffer, out var written);
        return written;
    }

    [Benchmark]
    public int Decode_ballot()
    {
        BallotCodec.TryRead(_buffer.AsSpan(0, _encodedLength), out var ballot, out _);
        return ballot.PickCount;
    }

    [Benchmark]
    public byte Leaf_hash()
    {
        Rfc6962.HashLeaf(_buffer.AsSpan(0, _encodedLength), _hash);
        return _hash[0];
    }

    /// <summary>
    /// The same leaf hash through one reused <see cref="IncrementalHash"/>: shows how much of a one-shot
    /// <c>SHA256.HashData</c> call is per-call setup rather than hashing (the log hashes ~2 times per ballot).
    /// </summary>
    [Benchmark]
    public byte Leaf_hash_with_a_reused_hasher()
    {
        ReadOnlySpan<byte> prefix = [0];
        _reusedHash.AppendData(prefix);
        _reusedHash.AppendData(_buffer.AsSpan(0, _encodedLength));
        _reusedHash.GetHashAndReset(_hash);
        return _hash[0];
    }

    [GlobalCleanup]
    public void Cleanup() => _reusedHash.Dispose();
}
