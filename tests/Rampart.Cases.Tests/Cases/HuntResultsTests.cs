using CsCheck;
using Rampart.Cases.Cases;

namespace Rampart.Cases.Tests.Cases;

public sealed class HuntResultsTests
{
    // Two lines as `rampart hunt --format jsonl` writes them, a broken line, and a line without a host.
    private const string Hits = """
        {"line":1,"name":"hotrnall.com","host":"hotrnall.com","display":"hotrnall.com","level":"suspicious","score":75,"findings":[{"technique":"glyph_trick","score":75,"reason":"'rn' at 3–4 imitates 'm' — lookalike of hotmail.com (Microsoft)","brand":"Microsoft"}]}
        {"line":3,"name":"login.microsoft.com.evil.net","host":"login.microsoft.com.evil.net","level":"malicious","score":90,"findings":[]}
        {"line":4,"name":"broken
        {"line":5,"level":"suspicious","score":60}
        """;

    [Fact]
    public void Each_hit_carries_its_level_score_and_explanation_and_bad_lines_are_reported_by_line_and_field()
    {
        var hits = HuntResults.Read(Hits, "/tmp/hits.jsonl", out var errors);

        Assert.Equal(["hotrnall.com", "login.microsoft.com.evil.net"], hits.Select(h => h.Host));
        Assert.Equal("hunt hits.jsonl:1: suspicious 75 — 'rn' at 3–4 imitates 'm' — lookalike of hotmail.com (Microsoft)", hits[0].Reason);
        Assert.Equal("hunt hits.jsonl:2: malicious 90", hits[1].Reason);
        Assert.Equal(2, errors.Count);
        Assert.Equal((3, null), (errors[0].Line, errors[0].Field));
        Assert.StartsWith("not valid JSON", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((4, "host"), (errors[1].Line, errors[1].Field));
    }

    [Fact]
    public void Any_text_is_read_without_an_exception_and_every_error_names_a_line()
    {
        Gen.OneOf(Gen.String[Gen.Char["{}[]\":,.a-z0-9 \n\r\t\\"], 0, 300], Gen.String, Gen.Const("{\"host\":{},\"findings\":[1,{\"reason\":5}],\"score\":\"x\"}"))
            .Sample(text =>
            {
                var hits = HuntResults.Read(text, "f", out var errors);
                Assert.All(errors, e => Assert.True(e.Line >= 1, e.ToString()));
                Assert.All(hits, h => Assert.False(string.IsNullOrWhiteSpace(h.Host)));
            }, iter: 2000);
    }
}
