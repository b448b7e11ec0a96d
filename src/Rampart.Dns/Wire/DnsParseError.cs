namespace Rampart.Dns.Wire;

/// <summary>Why a message could not be read. Errors are data: the parser never throws on input.</summary>
public enum DnsParseError : byte
{
    None = 0,

    /// <summary>Fewer bytes than a header: no answer is sent (no reflection).</summary>
    ShorterThanHeader,

    /// <summary>A field runs past the end of the message.</summary>
    Truncated,

    /// <summary>A label longer than 63 bytes, or a label type other than plain or pointer (RFC 6891 §5 retired the rest).</summary>
    BadLabel,

    /// <summary>A name longer than 255 bytes in wire form.</summary>
    NameTooLong,

    /// <summary>A compression pointer that does not point strictly backwards, or too many of them.</summary>
    BadPointer,

    /// <summary>A compression pointer in the question of a query, where nothing earlier can be pointed at.</summary>
    CompressedQuestion,

    /// <summary>A query must ask exactly one question.</summary>
    QuestionCount,

    /// <summary>Bytes left after the last record the header announced.</summary>
    TrailingData,

    /// <summary>More than one OPT record, or one whose owner is not the root (RFC 6891 §6.1.1).</summary>
    BadOpt,

    /// <summary>An EDNS option that runs past its record.</summary>
    BadOption,

    /// <summary>A client-subnet option with an unknown family, a prefix too long or address bytes that do not match it (RFC 7871 §7.1.1).</summary>
    BadClientSubnet,
}
