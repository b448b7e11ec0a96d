namespace Rampart.Detection.Indicators;

/// <summary>What a fingerprint was computed over; each kind seeds the hash differently, so a domain never collides with an e-mail by construction.</summary>
internal enum KeyKind : byte
{
    Domain = 1,
    UrlExpression = 2,
    Email = 3,
    FileHash = 4,
    Network4 = 5,
    Network6 = 6,
}
