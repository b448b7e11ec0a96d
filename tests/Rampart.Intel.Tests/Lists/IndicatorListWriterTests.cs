using System.Text;
using System.Text.Json;
using Rampart.Core.Indicators;
using Rampart.Intel.Lists;

namespace Rampart.Intel.Tests.Lists;

public sealed class IndicatorListWriterTests
{
    private static readonly Indicator[] Indicators =
    [
        Make("hxxps://login.evil[.]com/a,b", "intrusion-set--1", 90, new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)),
        Make("1.2.3.4", null, 50, null),
        Make("user@evil.com", null, 10, null),
    ];

    private static Indicator Make(string raw, string? actor, int confidence, DateTimeOffset? validUntil)
    {
        var value = IndicatorValueParser.Parse(raw);
        var now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        return new Indicator("indicator--" + Guid.NewGuid(), value.Type, value.Value, value.Normalized, now, validUntil, confidence, "feed \"x\"", actor, false, now, now, 1);
    }

    private static async Task<string> WriteAsync(ListFormat format)
    {
        var writer = new StringWriter();
        var count = await IndicatorListWriter.WriteAsync(Indicators.ToAsyncEnumerable(), format, writer, TestContext.Current.CancellationToken);
        Assert.Equal(Indicators.Length, count);
        return writer.ToString();
    }

    [Fact]
    public async Task Csv_reads_back_with_every_field_the_reader_knows()
    {
        var text = await WriteAsync(ListFormat.Csv);
        Assert.StartsWith("id,type,value,normalized,confidence,source,actor_id,valid_from,valid_until,revoked", text, StringComparison.Ordinal);
        var back = IndicatorListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "export.csv");
        Assert.Empty(back.Errors);
        Assert.Equal(Indicators.Select(i => (i.Type, i.NormalizedValue, i.Confidence, i.Source, i.ActorId, i.ValidUntil)),
            back.Entries.Select(e => (e.Value.Type, e.Value.Normalized, e.Confidence!.Value, e.Source!, e.Actor, e.ValidUntil)));
    }

    [Fact]
    public async Task Txt_is_one_value_a_line_and_reads_back()
    {
        var text = await WriteAsync(ListFormat.Txt);
        Assert.Equal(Indicators.Select(i => i.Value), text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        var back = IndicatorListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "export.txt");
        Assert.Equal(Indicators.Select(i => i.NormalizedValue), back.Entries.Select(e => e.Value.Normalized));
    }

    [Fact]
    public async Task Json_is_an_array_and_jsonl_one_object_a_line()
    {
        using var array = JsonDocument.Parse(await WriteAsync(ListFormat.Json));
        Assert.Equal(Indicators.Select(i => i.Id), array.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("ipv4", array.RootElement[1].GetProperty("type").GetString());
        var lines = (await WriteAsync(ListFormat.Jsonl)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Indicators.Select(i => i.NormalizedValue), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("normalized_value").GetString()));
    }

    [Fact]
    public async Task An_empty_json_export_is_an_empty_array()
    {
        var writer = new StringWriter();
        Assert.Equal(0, await IndicatorListWriter.WriteAsync(AsyncEnumerable.Empty<Indicator>(), ListFormat.Json, writer, TestContext.Current.CancellationToken));
        Assert.Empty(JsonDocument.Parse(writer.ToString()).RootElement.EnumerateArray());
    }
}
