namespace Rampart.Dns.Transfer;

/// <summary>Why a message's TSIG record could not be read (RFC 8945 §5.1: each is FORMERR).</summary>
public enum TsigParseError : byte
{
    None = 0,

    /// <summary>The message itself is malformed before the TSIG record.</summary>
    BadMessage,

    /// <summary>A TSIG record that is not the last record of the additional section, or more than one.</summary>
    NotLast,

    /// <summary>TSIG class must be ANY and TTL 0.</summary>
    BadClassOrTtl,

    /// <summary>The RDATA is shorter or longer than its fields say.</summary>
    BadRdata,

    /// <summary>The algorithm name is not a valid uncompressed name.</summary>
    BadAlgorithmName,

    /// <summary>Bytes after the last record.</summary>
    TrailingData,
}
