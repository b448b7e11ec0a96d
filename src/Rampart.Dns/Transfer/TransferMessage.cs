using System.Buffers.Binary;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>Builds one message of a transfer: header, an optional question, then whole records, uncompressed.</summary>
internal sealed class TransferMessage
{
    private readonly List<byte> _bytes = new(1024);
    private ushort _answers;
    private ushort _authority;

    public TransferMessage(ushort id, ushort flags, ReadOnlySpan<byte> question)
    {
        Span<byte> header = stackalloc byte[DnsHeader.Size];
        new DnsHeader(id, flags, (ushort)(question.IsEmpty ? 0 : 1), 0, 0, 0).Write(header);
        _bytes.AddRange(header);
        _bytes.AddRange(question);
    }

    public int Length => _bytes.Count;

    public int AnswerCount => _answers;

    public void AddAnswer(TransferRecord record)
    {
        Add(record);
        _answers++;
    }

    public void AddAuthority(TransferRecord record)
    {
        Add(record);
        _authority++;
    }

    public byte[] ToArray()
    {
        var bytes = _bytes.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), _answers);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), _authority);
        return bytes;
    }

    private void Add(TransferRecord record)
    {
        Span<byte> head = stackalloc byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(head, record.Type);
        BinaryPrimitives.WriteUInt16BigEndian(head[2..], DnsClass.In);
        BinaryPrimitives.WriteUInt32BigEndian(head[4..], record.Ttl);
        BinaryPrimitives.WriteUInt16BigEndian(head[8..], (ushort)record.Rdata.Length);
        _bytes.AddRange(record.Owner);
        _bytes.AddRange(head);
        _bytes.AddRange(record.Rdata);
    }
}
