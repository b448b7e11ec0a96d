namespace Rampart.Dns.Wire;

/// <summary>What a received message deserves.</summary>
public enum DnsQueryStatus : byte
{
    /// <summary>A well-formed query with one question.</summary>
    Query,

    /// <summary>No answer at all: shorter than a header, or a response (QR=1). Answering would let a forged source reflect traffic.</summary>
    Drop,

    /// <summary>An opcode other than QUERY: NOTIMP, header only (RFC 8906 §8.1.3).</summary>
    NotImplemented,

    /// <summary>Malformed: FORMERR, header only.</summary>
    FormatError,
}
