using System.Globalization;

namespace Rampart.Taxii;

/// <summary>
/// TAXII timestamps (§2.5 "timestamp": RFC 3339, UTC, ending in Z). <c>date_added</c> is kept by the
/// store as microseconds since the Unix epoch, so every value it hands out is written with six
/// fraction digits and a client that sends one back as <c>added_after</c> names it exactly.
/// </summary>
public static class TaxiiTimestamp
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static string Format(long microseconds) =>
        FromMicroseconds(microseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);

    public static long ToMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>An RFC 3339 UTC timestamp ending in Z, any number of fraction digits (more than six are truncated).</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is { Length: >= 20 } && (text[^1] == 'Z' || text[^1] == 'z') && (text[10] == 'T' || text[10] == 't')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
