namespace Rampart.Dns.Victims;

/// <summary>One source address of an organization: its hits and the names it reached.</summary>
public sealed record VictimSource(string SourceIp, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Hits, IReadOnlyList<VictimDomain> Domains);
