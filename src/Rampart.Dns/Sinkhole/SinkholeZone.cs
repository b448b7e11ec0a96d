using System.Net;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// One sinkholed domain: the apex and every name below it are answered. <paramref name="CaseId"/>
/// ties hits to the takedown case; empty addresses mean the zone set's defaults.
/// </summary>
public sealed record SinkholeZone(string Apex, string? CaseId, IReadOnlyList<IPAddress> Addresses);
