using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rampart.Core.Indicators;
using Rampart.Core.Text;

namespace Rampart.Intel.Lists;

/// <summary>
/// Writes indicators as a list, streaming (an export of millions of rows never sits in memory). TXT
/// and CSV read back with <see cref="IndicatorListReader"/>; JSON and JSON Lines carry every field.
/// </summary>
public static class IndicatorListWriter
{
    public static readonly IReadOnlyList<string> CsvHeader =
        ["id", "type", "value", "normalized", "confidence", "source", "actor_id", "valid_from", "valid_until", "revoked"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<int> WriteAsync(IAsyncEnumerable<Indicator> indicators, ListFormat format, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(writer);
        var count = 0;
        switch (format)
        {
            case ListFormat.Csv:
                await writer.WriteLineAsync(Csv.Line([.. CsvHeader]).AsMemory(), cancellationToken);
                break;
            case ListFormat.Json:
                await writer.WriteAsync("[".AsMemory(), cancellationToken);
                break;
        }

        await foreach (var indicator in indicators.WithCancellation(cancellationToken))
        {
            var line = format switch
            {
                ListFormat.Txt => indicator.Value,
                ListFormat.Csv => CsvLine(indicator),
                ListFormat.Json => (count == 0 ? Environment.NewLine : "," + Environment.NewLine) + "  " + JsonSerializer.Serialize(indicator, JsonOptions),
                ListFormat.Jsonl => JsonSerializer.Serialize(indicator, JsonOptions),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown list format"),
            };
            if (format == ListFormat.Json)
            {
                await writer.WriteAsync(line.AsMemory(), cancellationToken);
            }
            else
            {
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            count++;
        }

        if (format == ListFormat.Json)
        {
            await writer.WriteLineAsync((count == 0 ? "]" : Environment.NewLine + "]").AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static string CsvLine(Indicator indicator) => Csv.Line(
        indicator.Id,
        indicator.Type.ToWire(),
        indicator.Value,
        indicator.NormalizedValue,
        indicator.Confidence.ToString(CultureInfo.InvariantCulture),
        indicator.Source,
        indicator.ActorId,
        Iso(indicator.ValidFrom),
        indicator.ValidUntil is { } until ? Iso(until) : null,
        indicator.Revoked ? "true" : "false");

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
