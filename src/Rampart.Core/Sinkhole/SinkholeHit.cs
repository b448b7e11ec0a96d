namespace Rampart.Core.Sinkhole;

/// <summary>
/// One query or request seen by a sinkhole node. <see cref="HitId"/> is the node id and the node's
/// spool sequence ("node-a:42"): the same hit ingested twice is stored once. Values an attacker
/// controls (the query name, Host, URL, User-Agent, Referer) are kept as received, escaped only in
/// the DNS presentation sense; every output escapes them.
/// </summary>
/// <remarks>
/// DNS hits fill the query fields; HTTP hits ("http" transport) put the requested host, lower case
/// and without the port, in <see cref="QueryName"/>, the status code in <see cref="Answer"/>, and fill
/// the HTTP fields; hits on a TLS port ("https") add the server name the client sent (<see cref="TlsSni"/>), and
/// a handshake that failed after the client named a server is a hit with answer "tls-failed" and no request.
/// Request bodies (phished credentials) are never kept: only their length and SHA-256.
/// </remarks>
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
    string? ClientSubnet,
    string? HttpMethod = null,
    string? HttpHost = null,
    string? Url = null,
    string? UserAgent = null,
    string? Referer = null,
    string? ForwardedFor = null,
    long? BodyLength = null,
    string? BodySha256 = null,
    string? TlsSni = null);
