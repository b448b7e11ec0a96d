namespace Rampart.Core.Sinkhole;

/// <summary>
/// One query or request seen by a sinkhole node. <see cref="HitId"/> is the node id and the node's
/// spool sequence ("node-a:42"): the same hit ingested twice is stored once. Values an attacker
/// controls (the query name) are kept as received, escaped only in the DNS presentation sense.
/// </summary>
public sealed record SinkholeHit(
    string HitId,
    string NodeId,
    long Sequence,
    DateTimeOffset Time,
    string Transport,
    string SourceIp,
    int SourcePort,
    string? CaseId,
    string QueryName,
    int QueryType,
    string Answer,
    string? ClientSubnet);
