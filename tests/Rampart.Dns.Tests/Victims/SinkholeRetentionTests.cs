using Rampart.Dns.Victims;

namespace Rampart.Dns.Tests.Victims;

public sealed class SinkholeRetentionTests
{
    [Theory]
    [InlineData("2026-11-29T18:00:00Z", 90, "2026-08-31T00:00:00Z")]
    [InlineData("2026-11-29T00:00:00Z", 1, "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-29T23:59:59+05:00", 1, "2026-11-28T00:00:00Z")]
    public void Raw_hits_are_kept_from_UTC_midnight_the_given_number_of_days_back(string now, int days, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SinkholeRetention.Cutoff(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), days));
    }
}
