namespace Rampart.Dns.Transfer;

/// <summary>The TSIG record's error field (RFC 8945 §3, IANA "TSIG Error values").</summary>
public enum TsigError : ushort
{
    NoError = 0,

    /// <summary>The MAC does not verify.</summary>
    BadSig = 16,

    /// <summary>Unknown key name or algorithm.</summary>
    BadKey = 17,

    /// <summary>Time signed outside the fudge window.</summary>
    BadTime = 18,

    /// <summary>A truncated MAC shorter than accepted.</summary>
    BadTrunc = 22,
}
