namespace Rampart.Core.Indicators;

/// <summary>
/// A parsed indicator value: its type, the value as given (refanged), and the normalized form that
/// matching compares — lowercase ASCII (punycode) domains without a trailing dot, canonical IP and
/// CIDR text, lowercase e-mail domains, lowercase hex hashes, URLs in Safe Browsing canonical form.
/// Made by <see cref="IndicatorValueParser"/>.
/// </summary>
/// <param name="Url">For a URL, its canonical parts (<c>Normalized</c> is their text), so no one
/// canonicalizes it again; null for every other type.</param>
public readonly record struct IndicatorValue(IndicatorType Type, string Value, string Normalized, Urls.CanonicalUrl? Url = null);
