namespace Rampart.Core.Indicators;

/// <summary>
/// A parsed indicator value: its type, the value as given (refanged), and the normalized form that
/// matching compares — lowercase ASCII (punycode) domains without a trailing dot, canonical IP and
/// CIDR text, lowercase e-mail domains, lowercase hex hashes. Made by <see cref="IndicatorValueParser"/>.
/// </summary>
public readonly record struct IndicatorValue(IndicatorType Type, string Value, string Normalized);
