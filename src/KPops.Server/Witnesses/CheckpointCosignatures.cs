using System.Text;
using KPops.Log;

namespace KPops.Server.Witnesses;

/// <summary>
/// The witnesses' cosignatures on the log's latest checkpoint, which <c>/log/checkpoint</c> appends to the log's signed
/// note: a signed note carries several signatures, and clients ignore the keys they do not know. Cosignatures are kept
/// only for the checkpoint they sign; when the log moves on they are dropped until the witnesses cosign the new one.
/// </summary>
public sealed class CheckpointCosignatures
{
    private readonly Lock _lock = new();
    private byte[] _note = [];
    private readonly SortedDictionary<string, string> _lines = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="witness"/>'s cosignature line on the checkpoint <paramref name="note"/> (the log's note bytes).</summary>
    public void Record(ReadOnlySpan<byte> note, CosignatureVerifier witness, NoteSignature cosignature)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(cosignature);
        lock (_lock)
        {
            if (!note.SequenceEqual(_note))
            {
                _note = note.ToArray();
                _lines.Clear();
            }

            _lines[witness.KeyText] = Cosignature.FormatLine(cosignature);
        }
    }

    /// <summary>How many witnesses have cosigned <paramref name="note"/>.</summary>
    public int CountFor(ReadOnlySpan<byte> note)
    {
        lock (_lock)
        {
            return note.SequenceEqual(_note) ? _lines.Count : 0;
        }
    }

    /// <summary><paramref name="note"/> with the cosignature lines collected for it appended, or the note as it is.</summary>
    public byte[] AppendTo(byte[] note)
    {
        ArgumentNullException.ThrowIfNull(note);
        lock (_lock)
        {
            if (_lines.Count == 0 || !note.AsSpan().SequenceEqual(_note))
            {
                return note;
            }

            var cosigned = new StringBuilder(Encoding.UTF8.GetString(note));
            foreach (string line in _lines.Values)
            {
                cosigned.Append(line);
            }

            return Encoding.UTF8.GetBytes(cosigned.ToString());
        }
    }
}
