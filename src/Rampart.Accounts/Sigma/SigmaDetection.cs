namespace Rampart.Accounts.Sigma;

/// <summary>A rule's (or filter's) detection section: its search identifiers and its condition(s), linked with OR.</summary>
public sealed record SigmaDetection(IReadOnlyList<SigmaSearch> Searches, IReadOnlyList<SigmaCondition> Conditions, int ConditionLine, int ConditionColumn);
