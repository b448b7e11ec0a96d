using CsCheck;
using Rampart.Taxii.Objects;

namespace Rampart.Taxii.Tests;

/// <summary>Hostile URL parameters and headers never crash the parsers: they answer or refuse with a reason.</summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] Names = ["added_after", "limit", "match[id]", "match[type]", "match[version]", "match[spec_version]"];

    [Fact]
    public void Any_query_parameters_parse_or_fail_with_an_error_naming_a_parameter()
    {
        Gen.Select(Gen.String, Gen.String, Gen.String, Gen.Int[0, 5]).Sample((a, b, c, which) =>
        {
            var values = new Dictionary<string, string> { [Names[which]] = a, [Names[(which + 1) % Names.Length]] = b + "," + c };
            var ok = TaxiiQueryParser.TryParse(name => values.GetValueOrDefault(name), true, true, out var query, out var error);
            Assert.True(ok ? error is null && query is not null : Names.Any(n => error!.Contains(n, StringComparison.Ordinal)) || error!.Contains("match values", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_parsed_querys_fingerprint_reads_back_to_the_same_filters()
    {
        Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8].Array[0, 3], Gen.Bool).Sample((types, all) =>
        {
            var values = new Dictionary<string, string>
            {
                ["match[type]"] = string.Join(',', types),
                ["match[version]"] = all ? "all" : "first,last",
            };
            Assert.True(TaxiiQueryParser.TryParse(name => values.GetValueOrDefault(name), true, true, out var query, out _));
            Assert.Equal(query.Fingerprint(), TaxiiQuery.FromFingerprint(query.Fingerprint(), null).Fingerprint());
        });
    }

    [Fact]
    public void Any_accept_or_content_type_header_is_answered_without_throwing()
    {
        Gen.String.Sample(header =>
        {
            _ = TaxiiMediaTypes.Negotiate(header, stixAllowed: true);
            _ = TaxiiMediaTypes.IsTaxiiContent(header);
        });
    }

    [Theory]
    [InlineData("application/taxii+json;version=2.1", TaxiiMediaTypes.Accepted.Taxii)]
    [InlineData("application/taxii+json; version=2.1", TaxiiMediaTypes.Accepted.Taxii)]
    [InlineData("application/taxii+json", TaxiiMediaTypes.Accepted.Taxii)]
    [InlineData("application/taxii+json;version=2.0", TaxiiMediaTypes.Accepted.None)]
    [InlineData("application/taxii+json;version=2.1;q=0", TaxiiMediaTypes.Accepted.None)]
    [InlineData("application/stix+json;version=2.1", TaxiiMediaTypes.Accepted.Stix)]
    [InlineData("application/json, */*;q=0.1", TaxiiMediaTypes.Accepted.Taxii)]
    [InlineData("text/html", TaxiiMediaTypes.Accepted.None)]
    public void Accept_headers_negotiate_as_section_1_6_8_describes(string accept, TaxiiMediaTypes.Accepted expected) =>
        Assert.Equal(expected, TaxiiMediaTypes.Negotiate(accept, stixAllowed: true));
}
