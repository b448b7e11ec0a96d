namespace Rampart.Core.Accounts;

/// <summary>A log source's rule set: how many stored rules name it, how many are enabled, and whether the set is on.</summary>
public sealed record SigmaLogSourceSetting(string? Product, string? Service, string? Category, int Rules, int EnabledRules, bool Enabled);
