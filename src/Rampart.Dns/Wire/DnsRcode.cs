namespace Rampart.Dns.Wire;

/// <summary>Response codes; values above 15 are extended and need an OPT record (RFC 6891).</summary>
public enum DnsRcode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
    BadVers = 16,
}
