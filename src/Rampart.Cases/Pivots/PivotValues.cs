using System.Diagnostics.CodeAnalysis;
using Rampart.Core.Indicators;

namespace Rampart.Cases.Pivots;

/// <summary>How the readers normalize what they compare, so two files spelling a value differently still match.</summary>
public static class PivotValues
{
    /// <summary>Refangs and normalizes a host name; a leading <c>*.</c> (certificate wildcard) is dropped.</summary>
    public static bool TryDomain(string? text, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith("*.", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        if (trimmed.Length == 0)
        {
            error = "empty domain";
            return false;
        }

        return IndicatorValueParser.TryNormalizeDomain(Defang.Refang(trimmed), out domain, out error);
    }

    public static string Email(string text) => text.Trim().ToLowerInvariant();

    /// <summary>Case and runs of white space folded: "Kim  LEE" and "kim lee" are one registrant.</summary>
    public static string Name(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>An address in its canonical text, or null when the text is not an IP address.</summary>
    public static string? Address(string text) =>
        System.Net.IPAddress.TryParse(text.Trim(), out var address) ? address.ToString() : null;

    /// <summary>Splits a list field: name servers joined by commas, semicolons, pipes, spaces or line breaks.</summary>
    public static IEnumerable<string> List(string? text) =>
        (text ?? "").Split([',', ';', '|', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
