using System.Security.Cryptography;
using System.Text;

namespace Rampart.Cases.Rpz;

/// <summary>
/// An RPZ zone in memory: what <c>rampart rpz export</c> writes as a zone file and what a transfer
/// listener serves over AXFR/IXFR. Records are in a stable order: SOA, NS, then triggers by owner.
/// </summary>
/// <param name="Origin">Absolute zone name with the trailing dot, e.g. <c>rpz.rampart.</c>.</param>
/// <param name="Serial">The SOA serial; the next one whenever the content (<see cref="Digest"/>) changes.</param>
public sealed record RpzZone(string Origin, long Serial, IReadOnlyList<RpzRecord> Records)
{
    /// <summary>The SOA record (always first).</summary>
    public RpzRecord Soa => Records[0];

    /// <summary>The triggers: every record after the apex SOA and NS.</summary>
    public IEnumerable<RpzRecord> Triggers => Records.Where(r => r.Owner != Origin);

    /// <summary>SHA-256 of every record but the SOA (which holds the serial): equal digests, equal content.</summary>
    public string Digest => DigestOf(Records.Skip(1));

    public static string DigestOf(IEnumerable<RpzRecord> records) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', records.Select(r => r.ToLine())))));

    /// <summary>The zone file (RFC 1035 master format, absolute names, LF line ends); the same zone gives the same bytes.</summary>
    public string ToZoneFile(string? comment = null)
    {
        var text = new StringBuilder();
        foreach (var line in (comment ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append("; ").Append(line.Replace('\r', ' ')).Append('\n');
        }

        text.Append("$ORIGIN ").Append(Origin).Append('\n');
        foreach (var record in Records)
        {
            text.Append(record.ToLine()).Append('\n');
        }

        return text.ToString();
    }
}
