using Rampart.Core.Sinkhole;

namespace Rampart.Storage.Sinkhole;

/// <summary>Integer columns come back as bigint from both providers (SQLite has only 64-bit integers).</summary>
internal sealed record SinkholeHitRow(string HitId, string NodeId, long Sequence, long At, string Transport, string SourceIp, long SourcePort, string? CaseId, string QueryName, long QueryType, string Answer, string? ClientSubnet)
{
    public const string Columns = "hit_id AS HitId, node_id AS NodeId, sequence AS Sequence, at AS At, transport AS Transport, source_ip AS SourceIp, CAST(source_port AS bigint) AS SourcePort, case_id AS CaseId, query_name AS QueryName, CAST(query_type AS bigint) AS QueryType, answer AS Answer, client_subnet AS ClientSubnet";

    public SinkholeHit ToHit() => new(HitId, NodeId, Sequence, StoreTime.FromStore(At), Transport, SourceIp, (int)SourcePort, CaseId, QueryName, (int)QueryType, Answer, ClientSubnet);
}
