namespace Rampart.Dns.Transfer;

/// <summary>What the listener did with a request, for its log and tests.</summary>
public enum TransferOutcome : byte
{
    /// <summary>No answer: shorter than a header, or a response.</summary>
    Dropped,

    /// <summary>The whole zone (AXFR, or IXFR answered in AXFR form).</summary>
    Transferred,

    /// <summary>An IXFR from a serial at least ours: the SOA alone.</summary>
    UpToDate,

    /// <summary>An SOA query answered.</summary>
    Soa,

    /// <summary>The address is not in the allow-list.</summary>
    RefusedAddress,

    /// <summary>No TSIG while one is required.</summary>
    RefusedUnsigned,

    /// <summary>TSIG with a key or algorithm we do not know: NOTAUTH, BADKEY.</summary>
    BadKey,

    /// <summary>TSIG whose MAC does not verify: NOTAUTH, BADSIG.</summary>
    BadSig,

    /// <summary>TSIG signed outside the fudge window: NOTAUTH, BADTIME.</summary>
    BadTime,

    /// <summary>A truncated MAC: NOTAUTH, BADTRUNC.</summary>
    BadTrunc,

    /// <summary>Malformed: FORMERR.</summary>
    FormatError,

    /// <summary>Not our zone, or a type or transport we do not serve.</summary>
    Refused,

    /// <summary>An opcode other than QUERY.</summary>
    NotImplemented,

    /// <summary>No zone built yet.</summary>
    NotReady,
}
