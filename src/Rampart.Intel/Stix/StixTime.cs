using System.Globalization;

namespace Rampart.Intel.Stix;

/// <summary>STIX timestamps: RFC 3339, UTC, ending in Z, any number of second fractions (§3.2).</summary>
public static class StixTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is { Length: >= 20 } && text[^1] == 'Z' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>Milliseconds, as the specification's examples and most producers write them.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
