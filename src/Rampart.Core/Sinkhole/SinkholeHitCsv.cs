using System.Globalization;
using Rampart.Core.Text;

namespace Rampart.Core.Sinkhole;

/// <summary>
/// Sinkhole hits as CSV, one way for the CLI and the API: columns named as Shadowserver's sinkhole reports
/// name them where they have the field (their HTTP report has no server-name column; <c>ssl_sni</c> follows
/// its <c>ssl_cipher</c>, and is last so readers of the earlier columns are unaffected), and every cell formula-safe (<see cref="Csv.ReportLine"/>), since
/// clients choose the names, URLs and agents recorded.
/// </summary>
public static class SinkholeHitCsv
{
    public static readonly string[] Columns =
    [
        "timestamp", "protocol", "src_ip", "src_port", "hostname", "query_type", "answer", "case_id",
        "http_method", "http_host", "http_url", "http_agent", "http_referer", "forwarded_by", "body_length", "body_sha256", "client_subnet", "hit_id", "ssl_sni",
    ];

    /// <summary>Columns of the daily rollups (<see cref="DailyLine"/>): the day as <c>timestamp</c>, and the count and first/last seen as victim reports name them.</summary>
    public static readonly string[] DailyColumns =
    [
        "timestamp", "src_ip", "hostname", "case_id", "organization", "first_seen", "last_seen", "count",
    ];

    public static string Header => Csv.Line(Columns);

    public static string DailyHeader => Csv.Line(DailyColumns);

    public static string Line(SinkholeHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return Csv.ReportLine(
            Time(hit.Time), hit.Transport, hit.SourceIp,
            hit.SourcePort.ToString(CultureInfo.InvariantCulture), hit.QueryName, hit.QueryType == 0 ? null : hit.QueryType.ToString(CultureInfo.InvariantCulture),
            hit.Answer, hit.CaseId, hit.HttpMethod, hit.HttpHost, hit.Url, hit.UserAgent, hit.Referer, hit.ForwardedFor,
            hit.BodyLength?.ToString(CultureInfo.InvariantCulture), hit.BodySha256, hit.ClientSubnet, hit.HitId, hit.TlsSni);
    }

    public static string DailyLine(SinkholeDailyCount row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Csv.ReportLine(
            row.Day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.SourceIp, row.QueryName, row.CaseId, row.Organization,
            Time(row.FirstSeen), Time(row.LastSeen), row.Hits.ToString(CultureInfo.InvariantCulture));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
