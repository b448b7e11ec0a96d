using System.Buffers.Binary;

namespace Rampart.Dns.Wire;

/// <summary>
/// Writes a response into a caller's span. Every write checks the room left and reports false
/// instead of overrunning, so the caller can fall back to a truncated (TC=1) answer. Owner names are
/// compression pointers into the question (RFC 1035 §4.1.4), which holds every name we answer for.
/// </summary>
public ref struct DnsResponseWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public DnsResponseWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = DnsHeader.Size;
    }

    public readonly int Length => _position;

    /// <summary>Where the next byte goes; <see cref="Rewind"/> returns here to drop what followed.</summary>
    public readonly int Position => _position;

    public void Rewind(int position) => _position = position;

    /// <summary>A pointer to <paramref name="offset"/> in this message, for an owner or rdata name.</summary>
    public static ushort CompressionPointer(int offset) => (ushort)(0xC000 | offset);

    public readonly bool WriteHeader(in DnsHeader header)
    {
        if (_buffer.Length < DnsHeader.Size)
        {
            return false;
        }

        header.Write(_buffer);
        return true;
    }

    /// <summary>Copies the question as the client sent it: 0x20-randomised case comes back unchanged.</summary>
    public bool WriteQuestion(scoped ReadOnlySpan<byte> question) => WriteBytes(question);

    public bool WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (!bytes.TryCopyTo(_buffer[_position..]))
        {
            return false;
        }

        _position += bytes.Length;
        return true;
    }

    /// <summary>An A record owned by the name at <paramref name="ownerOffset"/>.</summary>
    public bool WriteA(int ownerOffset, uint ttl, scoped ReadOnlySpan<byte> address) =>
        WriteRecordHead(ownerOffset, DnsType.A, ttl, 4) && WriteBytes(address[..4]);

    public bool WriteAaaa(int ownerOffset, uint ttl, scoped ReadOnlySpan<byte> address) =>
        WriteRecordHead(ownerOffset, DnsType.Aaaa, ttl, 16) && WriteBytes(address[..16]);

    /// <summary>An NS record; the target is written whole (uncompressed wire form).</summary>
    public bool WriteNs(int ownerOffset, uint ttl, scoped ReadOnlySpan<byte> target) =>
        WriteRecordHead(ownerOffset, DnsType.Ns, ttl, (ushort)target.Length) && WriteBytes(target);

    public bool WriteSoa(int ownerOffset, uint ttl, in SoaData soa)
    {
        var rdLength = soa.PrimaryServer.Length + soa.Mailbox.Length + 20;
        if (!WriteRecordHead(ownerOffset, DnsType.Soa, ttl, (ushort)rdLength)
            || !WriteBytes(soa.PrimaryServer)
            || !WriteBytes(soa.Mailbox)
            || _buffer.Length - _position < 20)
        {
            return false;
        }

        var fields = _buffer[_position..];
        BinaryPrimitives.WriteUInt32BigEndian(fields, soa.Serial);
        BinaryPrimitives.WriteUInt32BigEndian(fields[4..], soa.Refresh);
        BinaryPrimitives.WriteUInt32BigEndian(fields[8..], soa.Retry);
        BinaryPrimitives.WriteUInt32BigEndian(fields[12..], soa.Expire);
        BinaryPrimitives.WriteUInt32BigEndian(fields[16..], soa.Minimum);
        _position += 20;
        return true;
    }

    /// <summary>
    /// The OPT pseudo-record (RFC 6891 §6.1.2): our payload size, the upper 8 bits of the response
    /// code, version 0, the DO bit echoed (RFC 3225 §3), every other flag zero, and the options given.
    /// </summary>
    public bool WriteOpt(ushort udpPayloadSize, DnsRcode rcode, bool dnssecOk, scoped ReadOnlySpan<byte> options)
    {
        if (_buffer.Length - _position < 11 + options.Length)
        {
            return false;
        }

        var record = _buffer[_position..];
        record[0] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(record[1..], DnsType.Opt);
        BinaryPrimitives.WriteUInt16BigEndian(record[3..], udpPayloadSize);
        record[5] = (byte)((ushort)rcode >> 4);
        record[6] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(record[7..], (ushort)(dnssecOk ? 0x8000 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(record[9..], (ushort)options.Length);
        options.CopyTo(record[11..]);
        _position += 11 + options.Length;
        return true;
    }

    private bool WriteRecordHead(int ownerOffset, ushort type, uint ttl, ushort rdLength)
    {
        if (_buffer.Length - _position < 12)
        {
            return false;
        }

        var record = _buffer[_position..];
        BinaryPrimitives.WriteUInt16BigEndian(record, CompressionPointer(ownerOffset));
        BinaryPrimitives.WriteUInt16BigEndian(record[2..], type);
        BinaryPrimitives.WriteUInt16BigEndian(record[4..], DnsClass.In);
        BinaryPrimitives.WriteUInt32BigEndian(record[6..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(record[10..], rdLength);
        _position += 12;
        return true;
    }
}
