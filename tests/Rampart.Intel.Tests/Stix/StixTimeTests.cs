using System.Globalization;
using CsCheck;
using Rampart.Intel.Stix;

namespace Rampart.Intel.Tests.Stix;

public sealed class StixTimeTests
{
    [Fact]
    public void Reads_every_canonical_timestamp_as_the_general_parser_does()
    {
        Gen.Select(Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks], Gen.Int[0, 7]).Sample((ticks, digits) =>
        {
            var time = new DateTime(ticks, DateTimeKind.Utc);
            var text = time.ToString(digits == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : $"yyyy-MM-dd'T'HH:mm:ss.{new string('f', digits)}'Z'", CultureInfo.InvariantCulture);
            var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            return StixTime.TryParse(text, out var parsed) && parsed == expected && parsed.Offset == TimeSpan.Zero;
        });
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T00:00:00.Z")]
    [InlineData("2024-01-01 00:00:00Z")]
    [InlineData("2024-01-01T00:00:00+01:00")]
    [InlineData("2024-13-01T00:00:00Z")]
    public void Refuses_what_is_not_an_RFC_3339_UTC_timestamp(string text) =>
        Assert.False(StixTime.TryParse(text, out _));

    [Fact]
    public void Keeps_fractions_finer_than_milliseconds() =>
        Assert.Equal(1234567, StixTime.TryParse("2024-01-01T00:00:00.1234567Z", out var time) ? time.Ticks % TimeSpan.TicksPerSecond : -1);
}
