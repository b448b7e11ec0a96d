using System.Globalization;
using System.Text;
using CsCheck;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Tests.AuditLogs;

public sealed class IsoTimestampTests
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    [Theory]
    [InlineData("2026-10-01T00:00:00", "2026-10-01T00:00:00.0000000+00:00")]
    [InlineData("2026-10-01T08:15:02.1234567Z", "2026-10-01T08:15:02.1234567+00:00")]
    [InlineData("2026-10-01T08:15:02.5+02:00", "2026-10-01T06:15:02.5000000+00:00")]
    [InlineData("2024-02-29 23:59:59-05:30", "2024-03-01T05:29:59.0000000+00:00")]
    public void Audit_log_timestamps_are_read_in_utc(string text, string expected)
    {
        Assert.True(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2026-02-30T00:00:00")]
    [InlineData("2026-10-01T24:00:00")]
    [InlineData("2026-10-01T00:00:60")]
    [InlineData("2026-10-01T00:00:00.12345678")]
    [InlineData("2026-10-01T00:00:00.")]
    [InlineData("2026-10-01T00:00:00+15:00")]
    [InlineData("2026-10-01T00:00:00Zx")]
    [InlineData("10/01/2026 00:00:00")]
    [InlineData("0000-01-01T00:00:00")]
    public void Other_forms_are_left_to_the_general_parser(string text) =>
        Assert.False(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Whatever_it_reads_the_general_parser_reads_the_same()
    {
        var digit = Gen.Char['0', '9'];
        var part = Gen.OneOf(
            Gen.Int[1, 9999].Select(i => i.ToString("D4", CultureInfo.InvariantCulture)),
            Gen.String[digit, 1, 3]);
        var text = Gen.Select(part, Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61], Gen.OneOf(Gen.Const(""), Gen.String[digit, 1, 9].Select(f => "." + f)),
            Gen.OneOf(Gen.Const(""), Gen.Const("Z"), Gen.Select(Gen.OneOf(Gen.Const('+'), Gen.Const('-')), Gen.Int[0, 15], Gen.Int[0, 60], (sign, h, m) => $"{sign}{h:D2}:{m:D2}"))).Select(
            (year, month, day, hour, minute, second, fraction, zone) => $"{year}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{fraction}{zone}");
        text.Sample(value =>
        {
            if (IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(value), out var fast))
            {
                Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out var general), value);
                Assert.Equal(general, fast);
                Assert.Equal(general.Offset, fast.Offset);
            }
        });
    }
}
