using System.Runtime.CompilerServices;
namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// The timestamps audit logs write (<c>2026-10-01T00:00:00</c>, <c>…T08:15:02.1234567Z</c>,
/// <c>…+02:00</c>) read straight from their UTF-8 bytes: the general parser tokenizes every
/// culture's forms and costs more than the rest of a record's typed fields. Anything else (other
/// separators, more than 7 fraction digits, a leap second) is left to <see cref="DateTimeOffset.TryParse(ReadOnlySpan{char}, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>,
/// whose reading of these forms this one matches: no offset means UTC, and the result is in UTC.
/// </summary>
internal static class IsoTimestamp
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)'T' or (byte)' ') || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var at = 19;
        long fraction = 0;
        if (at < text.Length && text[at] == '.')
        {
            var digits = 0;
            at++;
            while (at < text.Length && text[at] - (uint)'0' <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (text[at] - '0');
                at++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        var offsetMinutes = 0;
        if (at < text.Length)
        {
            if (text[at] == 'Z' && at + 1 == text.Length)
            {
                at++;
            }
            else if (text[at] is (byte)'+' or (byte)'-' && at + 6 == text.Length && text[at + 3] == ':'
                && Digits(text, at + 1, 2, out var offsetHours) && Digits(text, at + 4, 2, out var offsetMinutesPart)
                && offsetHours <= 14 && offsetMinutesPart <= 59 && (offsetHours < 14 || offsetMinutesPart == 0))
            {
                offsetMinutes = ((offsetHours * 60) + offsetMinutesPart) * (text[at] == '-' ? -1 : 1);
                at += 6;
            }
            else
            {
                return false;
            }
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (uint)'0';
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
