using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CsCheck;
using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>A record's text is escaped by our own loop for speed; it must write exactly what the serializer's default escaping writes.</summary>
public sealed class RecordTextJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\":\"x\",\"n\":1}")]
    [InlineData("a\\u2013b \\\" \n\r\t\b\f \u0001 \u001f \u007f")]
    [InlineData("<script>&'+`</script>")]
    [InlineData("caf\u00e9 \u2013 \u4e2d \ud83d\ude00")]
    [InlineData("lone \ud800 and \udc00 surrogates")]
    public void A_record_is_written_as_the_default_escaping_writes_it(string text) =>
        Assert.Equal(JsonSerializer.Serialize(new Plain(text, [new(text)]), Options), JsonSerializer.Serialize(new Holder(text, [new(text)]), Options));

    [Fact]
    public void Any_text_is_written_as_the_default_escaping_writes_it()
    {
        var ascii = Gen.String[Gen.Char[(char)0, (char)127], 0, 200];
        var json = Gen.String[Gen.Char["{}[]:,\"\\ abcXYZ019.-_@/<>&'+`\n"], 0, 200];
        var any = Gen.String[Gen.Char, 0, 100];
        Gen.OneOf(ascii, json, any).Sample(text =>
            Assert.Equal(JsonSerializer.Serialize(new Plain(text, [new(text), new(text)]), Options), JsonSerializer.Serialize(new Holder(text, [new(text), new(text)]), Options)),
            iter: 20_000);
    }

    [Fact]
    public void With_another_encoder_the_writer_escapes()
    {
        var encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(UnicodeRanges.All);
        var options = new JsonSerializerOptions { Encoder = encoder };
        const string text = "caf\u00e9 \"quoted\" <b>";

        Assert.Equal(JsonSerializer.Serialize(new Plain(text, []), options), JsonSerializer.Serialize(new Holder(text, []), options));
    }

    [Fact]
    public void A_record_reads_back_as_its_text()
    {
        const string text = "{\"a\":\"caf\u00e9\\n\"}";
        var json = JsonSerializer.Serialize(new Holder(text, []), Options);

        Assert.Equal(text, JsonSerializer.Deserialize<Holder>(json, Options)!.Text);
    }

    /// <summary>Records among other values, as <see cref="Evidence"/> holds one, so separators and indentation around them are compared too.</summary>
    public sealed record Holder([property: JsonConverter(typeof(RecordTextJsonConverter))] string Text, IReadOnlyList<Inner> More, int After = 1);

    public sealed record Inner([property: JsonConverter(typeof(RecordTextJsonConverter))] string Record, string Plain = "x");

    /// <summary>The same shape written by the serializer alone.</summary>
    public sealed record Plain(string Text, IReadOnlyList<PlainInner> More, int After = 1);

    public sealed record PlainInner(string Record, string Plain = "x");
}
