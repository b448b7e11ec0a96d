using System.Collections.Frozen;

namespace Rampart.Intel.Actors;

/// <summary>
/// ISO 3166-1 alpha-2 codes for the galaxies' country fields. <c>meta.country</c> is already a code;
/// the threat-actor galaxy's <c>cfr-suspected-state-sponsor</c> uses CFR's (UN-style) country names
/// and Microsoft's <c>microsoft-origin-threat</c> plain names, sometimes followed by a motive
/// ("China, Influence operations"). Names not listed here ("Unknown", "Korea") give no country
/// rather than a guess.
/// </summary>
internal static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Austria"] = "AT",
        ["Belarus"] = "BY",
        ["China"] = "CN",
        ["People's Republic of China"] = "CN",
        ["France"] = "FR",
        ["India"] = "IN",
        ["Iran"] = "IR",
        ["Iran (Islamic Republic of)"] = "IR",
        ["Israel"] = "IL",
        ["Korea (Democratic People's Republic of)"] = "KP",
        ["North Korea"] = "KP",
        ["Korea (Republic of)"] = "KR",
        ["South Korea"] = "KR",
        ["Lebanon"] = "LB",
        ["Pakistan"] = "PK",
        ["Palestine"] = "PS",
        ["Russia"] = "RU",
        ["Russian Federation"] = "RU",
        ["Singapore"] = "SG",
        ["Spain"] = "ES",
        ["Türkiye"] = "TR",
        ["Turkey"] = "TR",
        ["Ukraine"] = "UA",
        ["United Arab Emirates"] = "AE",
        ["United Kingdom"] = "GB",
        ["United States"] = "US",
        ["US"] = "US",
        ["Vietnam"] = "VN",
        ["Viet Nam"] = "VN",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The code, upper-cased, when <paramref name="code"/> is two ASCII letters; otherwise null.</summary>
    public static string? FromCode(string? code)
    {
        var trimmed = code?.Trim();
        return trimmed is { Length: 2 } && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1])
            ? trimmed.ToUpperInvariant()
            : null;
    }

    /// <summary>The code for a country name; only the part before a comma counts ("Russia, Influence operations").</summary>
    public static string? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // CFR names contain no comma, so cutting at the first one only drops Microsoft's motive.
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var country = (comma < 0 ? name : name[..comma]).Trim();
        return ByName.GetValueOrDefault(country);
    }
}
