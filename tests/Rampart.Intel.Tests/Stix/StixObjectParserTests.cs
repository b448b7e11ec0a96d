using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Rampart.Intel.Stix;

namespace Rampart.Intel.Tests.Stix;

public sealed class StixObjectParserTests
{
    private const string Head =
        """{"type":"indicator","spec_version":"2.1","id":"indicator--00000001-0000-4000-8000-000000000001","created_by_ref":"identity--7f3c1a3e-5a4b-4a8e-9d0e-3b1f2c4d5e6f","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-02T00:00:00.000Z","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","confidence":80,"object_marking_refs":["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"]""";

    /// <summary>The references <see cref="Head"/> makes, as the parser lists them.</summary>
    private const string HeadRefs = "created_by_ref=identity--7f3c1a3e-5a4b-4a8e-9d0e-3b1f2c4d5e6f object_marking_refs=marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

    /// <summary>An indicator with <paramref name="pattern"/> written as <paramref name="encoder"/> writes strings.</summary>
    private static byte[] Indicator(string pattern, JavaScriptEncoder encoder)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStringValue(pattern);
        }

        return Encoding.UTF8.GetBytes($"{Head},\"pattern\":{Encoding.UTF8.GetString(stream.ToArray())}}}");
    }

    /// <summary>What the import takes from the object: values, confidence and TLP of its indicators, references, reasons; or why it is refused.</summary>
    private static string Parse(byte[] json)
    {
        var parsed = new StixObjectParser("test").Parse(json, null, out var problem);
        return parsed is { } read ? Describe(read) : $"refused: {problem}";
    }

    private static string Describe(ParsedStixObject parsed) =>
        $"{string.Join(" ", parsed.Version.Indicators?.Select(i => $"{i.Value.Type}:{i.Value.Normalized}:{i.Confidence}:{i.Tlp}") ?? [])} | "
        + $"{string.Join(" ", parsed.References.Select(r => $"{r.Field}={r.Id}"))} | {string.Join("; ", parsed.NotEnforced)}";

    /// <summary>
    /// <see cref="Utf8JsonWriter"/> writes every <c>'</c> as <c>\u0027</c> (and so do exports written with it): such a pattern
    /// must read exactly as the same pattern written plainly, whether the fast path or the grammar reads it.
    /// </summary>
    [Theory]
    [InlineData("[domain-name:value = 'Evil.Example']", "Domain:evil.example:80:Amber")]
    [InlineData("[url:value = 'http://lure.example/login?id=1&x=<y>']", null)]
    [InlineData("[ipv4-addr:value = '198.51.100.0/24']", "Cidr:198.51.100.0/24:80:Amber")]
    [InlineData("[ipv4-addr:value = '198.51.100.7/32']", "Ipv4:198.51.100.7:80:Amber")]
    [InlineData("[file:hashes.'SHA-256' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']", null)]
    [InlineData("[domain-name:value = 'it\\'s.example']", null)]
    [InlineData("[domain-name:value = 'bücher.example']", "Domain:xn--bcher-kva.example:80:Amber")]
    [InlineData("[domain-name:value = 'a.example' OR domain-name:value = 'b.example']", "Domain:a.example:80:Amber Domain:b.example:80:Amber")]
    [InlineData("[domain-name:value = 'a.example'", null)]
    [InlineData("[domain-name:value = 'not a domain']", null)]
    public void An_escaped_pattern_reads_as_the_same_pattern_written_plainly(string pattern, string? values)
    {
        var plain = Parse(Indicator(pattern, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        var escaped = Indicator(pattern, JavaScriptEncoder.Default);
        Assert.True(escaped.AsSpan().IndexOf("\\u0027"u8) > 0);
        Assert.Equal(plain, Parse(escaped));
        if (values is not null)
        {
            Assert.StartsWith(values + " | ", plain, StringComparison.Ordinal);
        }
    }

    /// <summary>Patterns from the fast path's pieces and its near misses, escaped as <see cref="JavaScriptEncoder.Default"/> escapes (quotes, &lt;, &amp;, every non-ASCII character, surrogate pairs included) or not at all: the same answer.</summary>
    [Fact]
    public void Any_pattern_reads_the_same_whether_its_JSON_string_is_escaped_or_not()
    {
        var path = Gen.OneOf<string>("domain-name:value", "url:value", "ipv4-addr:value", "email-addr:value", "file:hashes.'SHA-256'", "file:hashes.MD5", "file:name");
        var piece = Gen.OneOf<string>("evil", ".", "example", "/", "24", "198.51.100.7", "http://", "?q=<1>&x", "@", "-", "Ä", "bücher", "😀", "xn--", " ", "]", "'", "\\",
            "\\'", "d41d8cd98f00b204e9800998ecf8427e", "\u2028");
        var pattern = Gen.Select(path, Gen.OneOf<string>(" = ", "=", " IN "), piece.Array[0, 6], Gen.OneOf<string>("", " OR [domain-name:value = 'x.example']"),
            (p, op, parts, tail) => $"[{p}{op}'{string.Concat(parts)}']{tail}");
        pattern.Sample(
            p => Assert.Equal(Parse(Indicator(p, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)), Parse(Indicator(p, JavaScriptEncoder.Default))),
            iter: 2_000);
    }

    [Fact]
    public void A_repeated_property_counts_with_its_last_value()
    {
        var json = Encoding.UTF8.GetBytes(Head + ""","pattern":"[domain-name:value = 'first.example']","confidence":20,"pattern":"[domain-name:value = 'last.example']"}""");
        Assert.Equal("Domain:last.example:20:Amber | " + HeadRefs + " | ", Parse(json));
    }

    [Fact]
    public void A_property_name_written_with_escapes_is_read_by_its_text()
    {
        var json = Encoding.UTF8.GetBytes(Head.Replace("\"confidence\"", "\"conf\\u0069dence\"", StringComparison.Ordinal)
            + ""","p\u0061ttern":"[domain-name:value = 'a.example']","x_\u0072ef":"identity--00000000-0000-4000-8000-000000000000"}""");
        Assert.Equal(
            "Domain:a.example:80:Amber | " + HeadRefs + " x_ref=identity--00000000-0000-4000-8000-000000000000 | ",
            Parse(json));
    }

    [Fact]
    public void A_missing_or_mistyped_field_is_refused_by_name()
    {
        Assert.Equal("refused: (indicator--00000001-0000-4000-8000-000000000001, pattern, is missing)", Parse(Encoding.UTF8.GetBytes(Head + "}")));
        Assert.Equal(
            "refused: (indicator--00000001-0000-4000-8000-000000000001, pattern_type, is missing)",
            Parse(Encoding.UTF8.GetBytes(Head.Replace("\"pattern_type\":\"stix\"", "\"pattern_type\":1", StringComparison.Ordinal) + ""","pattern":"[domain-name:value = 'a.example']"}""")));
        Assert.Equal(
            "refused: (indicator--00000001-0000-4000-8000-000000000001, modified, is earlier than created)",
            Parse(Encoding.UTF8.GetBytes(Head + ""","pattern":"[domain-name:value = 'a.example']","modified":"2023-01-01T00:00:00Z"}""")));
    }

    /// <summary>The parser reuses its working lists from object to object: what it handed out for one object must not change with the next.</summary>
    [Fact]
    public void What_one_object_gave_stays_as_it_was_after_the_next_is_parsed()
    {
        var parser = new StixObjectParser("test");
        var first = parser.Parse(
            Encoding.UTF8.GetBytes(Head + ""","pattern":"[domain-name:value = 'a.example'] WITHIN 5 SECONDS","sample_refs":["x--1","x--2"]}"""), null, out _)!.Value;
        var before = Describe(first);
        Assert.Equal(
            " | " + HeadRefs + " sample_refs=x--1 sample_refs=x--2 | WITHIN qualifier depends on timing, not on one value",
            before);
        Assert.NotNull(parser.Parse(Encoding.UTF8.GetBytes(Head + ""","pattern":"[file:name = 'x.exe']"}"""), null, out _));
        Assert.NotNull(parser.Parse(Encoding.UTF8.GetBytes(Head + ""","pattern":"[domain-name:value = 'b.example']"}"""), null, out _));
        Assert.Equal(before, Describe(first));
    }
}
