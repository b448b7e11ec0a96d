using System.Buffers.Binary;

namespace Rampart.Dns.Spool;

/// <summary>
/// Records encoded by one receive loop and committed to the spool with a single write. Not
/// thread-safe: each loop owns one.
/// </summary>
public sealed class SpoolBatch
{
    private byte[] _buffer;
    private int[] _starts;

    public SpoolBatch(int capacityBytes = 64 * 1024)
    {
        _buffer = new byte[capacityBytes];
        _starts = new int[256];
    }

    public int Count { get; private set; }

    public int Length { get; private set; }

    /// <summary>Sequence given to the first record by the last <see cref="HitSpool.Commit"/>.</summary>
    public long FirstSequence { get; internal set; }

    internal ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    internal Span<byte> Record(int index) => _buffer.AsSpan(_starts[index]);

    /// <summary>Room for a payload of up to <paramref name="maxPayload"/> bytes; call <see cref="EndRecord"/> with what was used.</summary>
    public Span<byte> BeginRecord(int maxPayload)
    {
        var needed = Length + SpoolFormat.HeaderSize + maxPayload;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        return _buffer.AsSpan(Length + SpoolFormat.HeaderSize, maxPayload);
    }

    public void EndRecord(int payloadLength)
    {
        if (payloadLength is <= 0 or > SpoolFormat.MaxRecordSize - SpoolFormat.HeaderSize)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength));
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        _starts[Count++] = Length;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(Length), SpoolFormat.HeaderSize + payloadLength);
        Length += SpoolFormat.HeaderSize + payloadLength;
    }

    public void Clear()
    {
        Count = 0;
        Length = 0;
    }
}
