namespace Rampart.Dns.Wire;

/// <summary>
/// What the sinkhole needs from a query, read without allocating: the header fields it echoes, where
/// the question is in the message (so the answer copies the client's bytes, case included), and the
/// EDNS facts. Names stay in the message; nothing is copied.
/// </summary>
public struct DnsQuery
{
    /// <summary>The question always starts right after the header.</summary>
    public const int QuestionOffset = DnsHeader.Size;

    public ushort Id { get; internal set; }
    public ushort Flags { get; internal set; }

    /// <summary>Length of the question name in wire form, terminating zero included.</summary>
    public int NameLength { get; internal set; }

    public ushort Type { get; internal set; }
    public ushort Class { get; internal set; }

    public bool HasEdns { get; internal set; }
    public ushort UdpPayloadSize { get; internal set; }
    public byte EdnsVersion { get; internal set; }
    public bool DnssecOk { get; internal set; }

    public bool HasClientSubnet { get; internal set; }
    public ClientSubnet ClientSubnet { get; internal set; }

    public readonly DnsOpcode Opcode => (DnsOpcode)((Flags & DnsHeaderFlags.OpcodeMask) >> DnsHeaderFlags.OpcodeShift);

    /// <summary>Question name, type and class: what a response repeats.</summary>
    public readonly int QuestionLength => NameLength + 4;
}
