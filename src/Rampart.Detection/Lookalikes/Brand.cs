namespace Rampart.Detection.Lookalikes;

/// <summary>
/// A protected brand: the names people know it by (each with the domain it lives on), keywords that
/// stand for it only next to credential wording (<c>o365</c>), and its own domains (the allowlist
/// registry's brand-owned entries with this owner).
/// </summary>
public sealed record Brand(string Name, IReadOnlyList<BrandName> Names, IReadOnlyList<string> Keywords, IReadOnlyList<string> Domains);
