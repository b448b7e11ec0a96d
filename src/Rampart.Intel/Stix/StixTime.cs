using System.Globalization;
using System.Numerics;
using System.Text;

namespace Rampart.Intel.Stix;

/// <summary>STIX timestamps: RFC 3339, UTC, ending in Z, any number of second fractions (§3.2).</summary>
public static class StixTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is not { Length: >= 20 } || text[^1] != 'Z' || text[10] != 'T')
        {
            return false;
        }

        // Every object carries two or three timestamps: the canonical form is read directly, at a
        // tenth of the cost of the general parser, which still decides everything else.
        return TryParseCanonical(text.AsSpan(), out time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>The same, from the UTF-8 bytes of a JSON string without escapes: the canonical form allocates nothing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset time)
    {
        if (utf8.Length is >= 20 and <= 64 && utf8[^1] == 'Z' && utf8[10] == 'T' && TryParseCanonical(utf8, out time))
        {
            return true;
        }

        return TryParse(Encoding.UTF8.GetString(utf8), out time);
    }

    /// <summary>Milliseconds, as the specification's examples and most producers write them.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-ddTHH:mm:ss</c>, then optionally <c>.</c> and 1–7 digits, then <c>Z</c>; anything else is left to the general parser.</summary>
    private static bool TryParseCanonical<T>(ReadOnlySpan<T> text, out DateTimeOffset time)
        where T : unmanaged, IBinaryInteger<T>
    {
        time = default;
        if (At(text, 4) != '-' || At(text, 7) != '-' || At(text, 13) != ':' || At(text, 16) != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        long ticks = 0;
        var fraction = text.Length - 20;
        if (fraction > 0)
        {
            if (At(text, 19) != '.' || fraction - 1 is < 1 or > 7 || !Digits(text, 20, fraction - 1, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction - 1; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    /// <summary>The character at <paramref name="index"/>, whether the text is UTF-16 or UTF-8 (only ASCII matters here).</summary>
    private static int At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(text[index]);

    private static bool Digits<T>(ReadOnlySpan<T> text, int start, int count, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = At(text, i) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
