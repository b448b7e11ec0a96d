namespace Rampart.Dns.Http;

/// <summary>The outcome of reading a request head from what has arrived so far.</summary>
internal enum HttpParseStatus : byte
{
    /// <summary>The head is not complete yet: read more.</summary>
    Incomplete,

    /// <summary>A whole, valid head.</summary>
    Complete,

    /// <summary>The head is malformed (see the error); answer 400 or 431 and close.</summary>
    Invalid,
}
