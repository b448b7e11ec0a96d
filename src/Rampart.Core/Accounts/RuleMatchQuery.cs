namespace Rampart.Core.Accounts;

/// <summary>Which stored matches to list; every given part narrows the list, oldest event first.</summary>
public sealed record RuleMatchQuery(string? ScanId = null, string? Account = null, string? RuleId = null, int Limit = RuleMatchQuery.DefaultLimit)
{
    public const int DefaultLimit = 1000;
}
