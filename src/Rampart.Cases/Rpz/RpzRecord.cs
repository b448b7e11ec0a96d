using System.Globalization;

namespace Rampart.Cases.Rpz;

/// <summary>One resource record of an RPZ zone, in presentation form: absolute owner (trailing dot), type, TTL, RDATA text.</summary>
public sealed record RpzRecord(string Owner, string Type, int Ttl, string Rdata)
{
    /// <summary>The record as a zone-file line.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Owner} {Ttl} IN {Type} {Rdata}");
}
