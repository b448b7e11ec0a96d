using System.Globalization;
using Rampart.Core.Text;

namespace Rampart.Dns.Victims;

/// <summary>
/// Victims as Shadowserver-style CSV, one row per organization, source address and name reached:
/// Shadowserver's sinkhole report names where they have the field (timestamp, src_ip, src_asn, src_geo,
/// hostname as in <c>rampart sinkhole hits</c>), ours beside them. Every cell goes through
/// <see cref="Csv.ReportLine"/>: quoted when needed, formula prefixes (= + - @) neutralised.
/// </summary>
public static class VictimCsv
{
    public static readonly string[] Columns =
    [
        "timestamp", "src_ip", "src_asn", "src_geo", "organization", "hostname", "first_seen", "last_seen", "count", "case_id",
    ];

    public static string Header => Csv.Line(Columns);

    /// <summary>The report's lines (no header), CRLF-terminated as RFC 4180 asks.</summary>
    public static IEnumerable<string> Lines(string caseId, IReadOnlyList<VictimOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        foreach (var organization in organizations)
        {
            foreach (var source in organization.Sources)
            {
                foreach (var domain in source.Domains)
                {
                    yield return Csv.ReportLine(
                        Time(domain.LastSeen), source.SourceIp, organization.Asn?.ToString(CultureInfo.InvariantCulture), organization.Country,
                        organization.Organization, domain.Name, Time(domain.FirstSeen), Time(domain.LastSeen), domain.Hits.ToString(CultureInfo.InvariantCulture), caseId) + "\r\n";
                }
            }
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
