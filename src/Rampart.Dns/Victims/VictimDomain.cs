namespace Rampart.Dns.Victims;

/// <summary>A name one source reached (attacker-controlled text, escape on output) and its hits.</summary>
public sealed record VictimDomain(string Name, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Hits);
