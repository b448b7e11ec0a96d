namespace Rampart.Accounts.Sigma;

/// <summary>
/// A Sigma log source (spec: "LogSource"). On a rule, each given part narrows which events it
/// applies to; on an event, it is what the reader declared (e.g. <c>m365</c>/<c>exchange</c>).
/// </summary>
public readonly record struct SigmaLogSource(string? Product, string? Service, string? Category)
{
    /// <summary>True when every part this (rule) log source names equals the event's, ignoring case.</summary>
    public bool Covers(SigmaLogSource eventSource) =>
        Same(Product, eventSource.Product) && Same(Service, eventSource.Service) && Same(Category, eventSource.Category);

    private static bool Same(string? rule, string? actual) =>
        rule is null || string.Equals(rule, actual, StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        $"product={Product ?? "*"} service={Service ?? "*"} category={Category ?? "*"}";
}
