using System.Globalization;
using Rampart.Core.Text;

namespace Rampart.Core.Sinkhole;

/// <summary>
/// Sinkhole hits as CSV, one way for the CLI and the API: columns named as Shadowserver's sinkhole reports
/// name them where they have the field, and every cell formula-safe (<see cref="Csv.ReportLine"/>), since
/// clients choose the names, URLs and agents recorded.
/// </summary>
public static class SinkholeHitCsv
{
    public static readonly string[] Columns =
    [
        "timestamp", "protocol", "src_ip", "src_port", "hostname", "query_type", "answer", "case_id",
        "http_method", "http_host", "http_url", "http_agent", "http_referer", "forwarded_by", "body_length", "body_sha256", "client_subnet", "hit_id",
    ];

    public static string Header => Csv.Line(Columns);

    public static string Line(SinkholeHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return Csv.ReportLine(
            hit.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), hit.Transport, hit.SourceIp,
            hit.SourcePort.ToString(CultureInfo.InvariantCulture), hit.QueryName, hit.QueryType == 0 ? null : hit.QueryType.ToString(CultureInfo.InvariantCulture),
            hit.Answer, hit.CaseId, hit.HttpMethod, hit.HttpHost, hit.Url, hit.UserAgent, hit.Referer, hit.ForwardedFor,
            hit.BodyLength?.ToString(CultureInfo.InvariantCulture), hit.BodySha256, hit.ClientSubnet, hit.HitId);
    }
}
