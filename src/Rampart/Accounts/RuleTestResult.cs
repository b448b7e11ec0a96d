using Rampart.Accounts.Sigma;

namespace Rampart.Accounts;

/// <summary>One line of <c>rules test</c>: an event that matched a rule (with the items that matched), or an event that could not be read.</summary>
public sealed record RuleTestResult(int Line, SigmaDocument? Rule, string? GroupKey, IReadOnlyList<SigmaDetectionItem> Items, string? Error);
