using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rampart.Core.Urls;

/// <summary>
/// IPv4 hosts in every form browsers accept (<c>inet_aton</c>): one to four parts, each decimal,
/// hex (<c>0x7f</c>) or octal (<c>0177</c>), the last part filling the remaining bytes, so
/// <c>3279880203</c>, <c>0xC37F000B</c>, <c>0303.0177.0.013</c> and <c>195.8323083</c> all mean
/// <c>195.127.0.11</c>. Phishers use these to hide an address from naive matching.
/// </summary>
public static class Ipv4Forms
{
    public static bool TryParse(ReadOnlySpan<char> host, [NotNullWhen(true)] out string? dotted)
    {
        dotted = null;
        if (host.IsEmpty || host.Length > 64)
        {
            return false;
        }

        Span<ulong> parts = stackalloc ulong[4];
        var count = 0;
        foreach (var range in host.Split('.'))
        {
            if (count == 4 || !TryParsePart(host[range], out parts[count]))
            {
                return false;
            }

            count++;
        }

        ulong value = 0;
        for (var i = 0; i < count - 1; i++)
        {
            if (parts[i] > 255)
            {
                return false;
            }

            value |= parts[i] << (8 * (3 - i));
        }

        var lastBytes = 4 - (count - 1);
        if (parts[count - 1] >= 1UL << (8 * lastBytes))
        {
            return false;
        }

        value |= parts[count - 1];
        dotted = string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}");
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty)
        {
            return false;
        }

        if (part.Length > 1 && part[0] == '0' && (part[1] is 'x' or 'X'))
        {
            var hex = part[2..];
            return hex.IsEmpty || (hex.Length <= 8 && ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value));
        }

        if (part.Length > 1 && part[0] == '0')
        {
            foreach (var c in part[1..])
            {
                if (c is < '0' or > '7')
                {
                    return false;
                }

                value = (value * 8) + (ulong)(c - '0');
                if (value > uint.MaxValue)
                {
                    return false;
                }
            }

            return true;
        }

        return part.Length <= 10 && ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= uint.MaxValue;
    }
}
