using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Scanning;

/// <summary>A rule or correlation that matched, with the event that made it match (for correlations, the one that completed it).</summary>
public sealed record ScanMatch(SigmaDocument Rule, string? GroupKey, AuditEvent Event, string EventJson);
