using Rampart.Core.Sinkhole;

namespace Rampart.Core.Tests.Sinkhole;

public sealed class SinkholeHitQueryTests
{
    [Fact]
    public void A_query_typed_by_a_person_reads_the_domain_in_any_case_and_times_without_a_zone_as_UTC()
    {
        var query = SinkholeHitQuery.FromText("case-1", " Login.Evil.Example. ", "192.0.2.5", "2026-11-29", "2026-11-29T18:00+02:00", 50, out var error);

        Assert.Null(error);
        Assert.Equal(new SinkholeHitQuery("case-1", "login.evil.example", "192.0.2.5", new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), 50), query);
    }

    [Theory]
    [InlineData("yesterday", null, "since: 'yesterday' is not a time")]
    [InlineData("2026-11-29", "2026-13-01", "until: '2026-13-01' is not a time")]
    public void A_time_that_does_not_parse_is_named_with_its_parameter_and_gives_no_query(string since, string? until, string expected)
    {
        var query = SinkholeHitQuery.FromText(null, null, null, since, until, 10, out var error);

        Assert.Null(query);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
