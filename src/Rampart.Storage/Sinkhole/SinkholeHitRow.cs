using Rampart.Core.Sinkhole;

namespace Rampart.Storage.Sinkhole;

/// <summary>
/// A stored hit as Dapper reads it. Settable properties, not a positional record: Dapper matches a
/// constructor on the column types the reader reports, and SQLite reports an empty result's
/// computed columns as blobs, so a constructor match failed whenever a poll found nothing yet.
/// </summary>
internal sealed class SinkholeHitRow
{
    public const string Columns = "hit_id AS HitId, node_id AS NodeId, sequence AS Sequence, at AS At, transport AS Transport, source_ip AS SourceIp, source_port AS SourcePort, case_id AS CaseId, query_name AS QueryName, query_type AS QueryType, answer AS Answer, client_subnet AS ClientSubnet, http_method AS HttpMethod, http_host AS HttpHost, url AS Url, user_agent AS UserAgent, referer AS Referer, forwarded_for AS ForwardedFor, body_length AS BodyLength, body_sha256 AS BodySha256, tls_sni AS TlsSni";

    public string HitId { get; set; } = "";

    public string NodeId { get; set; } = "";

    public long Sequence { get; set; }

    public long At { get; set; }

    public string Transport { get; set; } = "";

    public string SourceIp { get; set; } = "";

    public long SourcePort { get; set; }

    public string? CaseId { get; set; }

    public string QueryName { get; set; } = "";

    public long QueryType { get; set; }

    public string Answer { get; set; } = "";

    public string? ClientSubnet { get; set; }

    public string? HttpMethod { get; set; }

    public string? HttpHost { get; set; }

    public string? Url { get; set; }

    public string? UserAgent { get; set; }

    public string? Referer { get; set; }

    public string? ForwardedFor { get; set; }

    public long? BodyLength { get; set; }

    public string? BodySha256 { get; set; }

    public string? TlsSni { get; set; }

    public SinkholeHit ToHit() => new(HitId, NodeId, Sequence, StoreTime.FromStore(At), Transport, SourceIp, (int)SourcePort, CaseId, QueryName, (int)QueryType, Answer, ClientSubnet, HttpMethod, HttpHost, Url, UserAgent, Referer, ForwardedFor, BodyLength, BodySha256, TlsSni);
}
