namespace Rampart.Accounts.Sigma;

/// <summary>Log sources compared as Sigma does: each part ignoring case.</summary>
internal sealed class LogSourceComparer : IEqualityComparer<SigmaLogSource>
{
    public static readonly LogSourceComparer Instance = new();

    public bool Equals(SigmaLogSource x, SigmaLogSource y) =>
        string.Equals(x.Product, y.Product, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Service, y.Service, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Category, y.Category, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(SigmaLogSource obj) => HashCode.Combine(
        obj.Product is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Product),
        obj.Service is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Service),
        obj.Category is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Category));
}
