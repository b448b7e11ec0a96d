using System.Net;

namespace Rampart.Dns.Transfer;

/// <summary>A secondary told of every new serial (RFC 1996), its NOTIFY signed with the key named, if any.</summary>
public sealed record NotifyTarget(IPEndPoint EndPoint, string? KeyName = null);
