using System.Text;
using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Intel.Stix.Patterns;

namespace Rampart.Intel.Tests.Stix;

public sealed class SingleComparisonPatternTests
{
    /// <summary>The full grammar's answer: the values and the reasons, or the parse error.</summary>
    private static (string[] Values, string[] NotEnforced) Full(string pattern)
    {
        var parsed = StixPatternParser.Parse(pattern);
        Assert.True(parsed.Succeeded, $"{pattern}: {parsed.Error}");
        var analysis = PatternEnforcement.Analyze(parsed.Pattern!);
        return (analysis.Values.Select(Describe).ToArray(), [.. analysis.NotEnforced]);
    }

    private static string Describe(IndicatorValue value) => $"{value.Type} {value.Value} {value.Normalized}";

    private static bool Fast(string pattern, out (string[] Values, string[] NotEnforced) result)
    {
        var values = new List<IndicatorValue>();
        var notEnforced = new List<string>();
        var recognized = SingleComparisonPattern.TryAnalyze(Encoding.UTF8.GetBytes(pattern), values, notEnforced);
        result = (values.Select(Describe).ToArray(), [.. notEnforced]);
        return recognized;
    }

    [Theory]
    [InlineData("[domain-name:value = 'Evil.Example']")]
    [InlineData("[url:value = 'http://lure.example/login?id=1']")]
    [InlineData("[ipv4-addr:value = '198.51.100.7']")]
    [InlineData("[ipv4-addr:value = '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value = '198.51.100.7/32']")]
    [InlineData("[ipv6-addr:value = '2001:db8::1']")]
    [InlineData("[email-addr:value = 'phish@lure.example']")]
    [InlineData("[file:hashes.'SHA-256' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']")]
    [InlineData("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']")]
    [InlineData("[domain-name:value = 'not a domain']")]
    [InlineData("[domain-name:value = '']")]
    public void Recognizes_the_common_single_comparisons_and_reads_them_as_the_grammar_does(string pattern)
    {
        Assert.True(Fast(pattern, out var fast));
        var full = Full(pattern);
        Assert.Equal(full.Values, fast.Values);
        Assert.Equal(full.NotEnforced, fast.NotEnforced);
    }

    [Theory]
    [InlineData("[domain-name:value = 'a.example' OR domain-name:value = 'b.example']")]
    [InlineData("[domain-name:value  = 'a.example']")]
    [InlineData("[domain-name:value = 'it\\'s.example']")]
    [InlineData("[domain-name:value != 'a.example']")]
    [InlineData("[domain-name:value = 'a.example'] WITHIN 5 SECONDS")]
    [InlineData("[network-traffic:dst_ref.value = 'a.example']")]
    [InlineData("[domain-name:value = 'a.example'")]
    public void Leaves_everything_else_to_the_grammar(string pattern) => Assert.False(Fast(pattern, out _));

    /// <summary>Patterns built from the pieces of both the fast path's form and its near misses: whenever the fast path answers, the grammar agrees.</summary>
    [Fact]
    public void Whenever_the_fast_path_answers_the_full_grammar_gives_the_same_values_and_reasons()
    {
        var path = Gen.OneOf<string>("domain-name:value", "url:value", "ipv4-addr:value", "ipv6-addr:value", "email-addr:value", "file:hashes.'SHA-256'",
            "file:hashes.'SHA-1'", "file:hashes.MD5", "file:hashes.'MD5'", "file:hashes.SHA256", "file:name", "domain-name:resolves_to_refs[*].value", "x-custom:value");
        var equals = Gen.OneOf<string>(" = ", "=", "  = ", " != ", " IN ", " ISSUBSET ");
        var piece = Gen.OneOf<string>("evil", ".", "example", "com", "/", "24", "32", "128", "198.51.100.7", "2001:db8::", "http://", "?q=1", "@", "-", "Ä", "xn--", " ",
            "]", "[", "'", "\\", "d41d8cd98f00b204e9800998ecf8427e", "0", "ff");
        var literal = piece.Array[0, 6].Select(parts => string.Concat(parts));
        var pattern = Gen.Select(path, equals, literal, Gen.OneOf<string>("", " ", " OR [domain-name:value = 'x.example']"), (p, e, l, tail) => $"[{p}{e}'{l}']{tail}");
        pattern.Sample(p =>
        {
            if (Fast(p, out var fast))
            {
                var full = Full(p);
                Assert.Equal(full.Values, fast.Values);
                Assert.Equal(full.NotEnforced, fast.NotEnforced);
            }
        }, iter: 5_000);
    }
}
