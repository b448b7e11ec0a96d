using System.Diagnostics.CodeAnalysis;

namespace Rampart.Core.Indicators;

/// <summary>
/// Turns text into an <see cref="IndicatorValue"/>: refangs it, detects its type (or checks the type
/// given), validates it and normalizes it. Never throws on bad input; the error says why.
/// </summary>
public static class IndicatorValueParser
{
    public static bool TryParse(string raw, [NotNullWhen(false)] out string? error, out IndicatorValue value) =>
        throw new NotImplementedException();

    public static bool TryParse(string raw, IndicatorType type, [NotNullWhen(false)] out string? error, out IndicatorValue value) =>
        throw new NotImplementedException();
}
