namespace Rampart.Core.Accounts;

/// <summary>A stored <see cref="RuleMatch"/> and the scan that found it.</summary>
public sealed record StoredRuleMatch(string Id, string ScanId, RuleMatch Match);
