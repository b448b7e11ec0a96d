using Rampart.Core.Indicators;

namespace Rampart.Intel.Misp;

/// <summary>
/// Which MISP attribute types become which indicators. Composite types (<c>ip-dst|port</c>,
/// <c>filename|sha256</c>, <c>domain|ip</c>) carry their values joined by <c>|</c>; each part Rampart
/// can enforce becomes one indicator. Types not listed (filenames, regkeys, text…) are kept out and counted.
/// </summary>
public static class MispTypes
{
    private static readonly IndicatorType[] Network = [IndicatorType.Ipv4, IndicatorType.Ipv6, IndicatorType.Cidr];

    /// <summary>The expected indicator types of each part of the value; null for a part that is not an indicator.</summary>
    private static readonly Dictionary<string, IndicatorType[]?[]> Parts = new(StringComparer.Ordinal)
    {
        ["domain"] = [[IndicatorType.Domain]],
        ["hostname"] = [[IndicatorType.Domain]],
        ["url"] = [[IndicatorType.Url]],
        ["uri"] = [[IndicatorType.Url]],
        ["ip-src"] = [Network],
        ["ip-dst"] = [Network],
        ["ip-src|port"] = [Network, null],
        ["ip-dst|port"] = [Network, null],
        ["hostname|port"] = [[IndicatorType.Domain], null],
        ["domain|ip"] = [[IndicatorType.Domain], Network],
        ["email"] = [[IndicatorType.Email]],
        ["email-src"] = [[IndicatorType.Email]],
        ["email-dst"] = [[IndicatorType.Email]],
        ["md5"] = [[IndicatorType.Md5]],
        ["sha1"] = [[IndicatorType.Sha1]],
        ["sha256"] = [[IndicatorType.Sha256]],
        ["filename|md5"] = [null, [IndicatorType.Md5]],
        ["filename|sha1"] = [null, [IndicatorType.Sha1]],
        ["filename|sha256"] = [null, [IndicatorType.Sha256]],
    };

    /// <summary>The MISP type Rampart exports each indicator type as.</summary>
    public static string ToMisp(IndicatorType type) => type switch
    {
        IndicatorType.Domain => "domain",
        IndicatorType.Url => "url",
        IndicatorType.Ipv4 or IndicatorType.Ipv6 or IndicatorType.Cidr => "ip-dst",
        IndicatorType.Email => "email-src",
        IndicatorType.Md5 => "md5",
        IndicatorType.Sha1 => "sha1",
        IndicatorType.Sha256 => "sha256",
    };

    public static bool IsMapped(string mispType) => Parts.ContainsKey(mispType);

    /// <summary>
    /// The indicator values of one attribute, or the reason one part is not a value of its type.
    /// Returns an empty list for a type Rampart does not map.
    /// </summary>
    public static IReadOnlyList<IndicatorValue> ToValues(string mispType, string value, out string? error)
    {
        error = null;
        if (!Parts.TryGetValue(mispType, out var parts))
        {
            return [];
        }

        var pieces = parts.Length == 1 ? [value] : value.Split('|', parts.Length);
        if (pieces.Length != parts.Length)
        {
            error = $"a '{mispType}' value has {parts.Length} parts joined by '|'";
            return [];
        }

        var values = new List<IndicatorValue>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is not { } expected)
            {
                continue;
            }

            if (!IndicatorValueParser.TryParse(pieces[i].Trim(), out var reason, out var parsed))
            {
                error = reason;
                return [];
            }

            if (!expected.Contains(parsed.Type))
            {
                error = $"'{pieces[i]}' is a {parsed.Type.ToWire()}, not what a '{mispType}' attribute holds";
                return [];
            }

            values.Add(parsed);
        }

        return values;
    }
}
