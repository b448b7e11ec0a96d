using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Stix;

namespace Rampart.Intel.Misp;

/// <summary>
/// Writes indicators as a MISP feed a MISP instance can add as a feed of type "MISP Feed": one event
/// file per actor (and one for indicators without an actor), <c>manifest.json</c> and
/// <c>hashes.csv</c> (the MD5 of each attribute value with its event uuid, as MISP's generator
/// writes it). Every indicator passes the marking gate first, then the lifecycle gate: a feed's
/// attributes go out with to_ids, so MISP would push them to IDS exports, and an expired or decayed
/// indicator must not be blocked anywhere. Event uuids are derived from the actor, so a re-export
/// updates the same events.
/// </summary>
public static class MispFeedWriter
{
    /// <summary>Namespace of the UUIDv5 event and attribute ids.</summary>
    private static readonly Guid EventNamespace = new("3f6c9a8e-1b2d-4e5f-8a7b-6c5d4e3f2a1b");

    /// <returns>How many indicators were written (those held back are counted by the gates); the feed is dated <see cref="LifecycleGate.Now"/>.</returns>
    public static async Task<int> WriteAsync(
        string folder, IAsyncEnumerable<Indicator> indicators, MarkingGate gate, LifecycleGate lifecycle, Func<string, string?> actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(actorName);
        var now = lifecycle.Now;
        var groups = new SortedDictionary<string, List<Indicator>>(StringComparer.Ordinal);
        var written = 0;
        await foreach (var indicator in indicators.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // TLP first: what may not leave is counted as withheld, whatever its standing.
            if (!gate.Allows(indicator.Tlp) || !lifecycle.Allows(indicator))
            {
                continue;
            }

            var key = indicator.ActorId ?? "";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(indicator);
            written++;
        }

        Directory.CreateDirectory(folder);
        var manifest = new Dictionary<string, object>(StringComparer.Ordinal);
        var hashes = new StringBuilder();
        foreach (var (actorId, list) in groups)
        {
            var uuid = Uuid("event " + actorId);
            var name = actorId.Length == 0 ? null : actorName(actorId) ?? actorId;
            var info = name is null ? "Rampart indicators" : $"Rampart indicators: {name}";
            var tags = EventTags(name);
            var timestamp = list.Max(i => i.ModifiedAt).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var date = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await using (var file = File.Create(Path.Combine(folder, uuid + ".json")))
            await using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("Event");
                writer.WriteString("uuid", uuid);
                writer.WriteString("info", info);
                writer.WriteString("date", date);
                writer.WriteString("timestamp", timestamp);
                writer.WriteString("publish_timestamp", timestamp);
                writer.WriteBoolean("published", true);
                writer.WriteString("analysis", "2");
                writer.WriteString("threat_level_id", "2");
                writer.WriteStartObject("Orgc");
                writer.WriteString("name", "Rampart");
                writer.WriteString("uuid", Uuid("organisation Rampart"));
                writer.WriteEndObject();
                WriteTags(writer, tags);
                writer.WriteStartArray("Attribute");
                foreach (var indicator in list)
                {
                    var type = MispTypes.ToMisp(indicator.Type);
                    writer.WriteStartObject();
                    writer.WriteString("uuid", Uuid("attribute " + indicator.Id));
                    writer.WriteString("type", type);
                    writer.WriteString("category", Category(indicator.Type));
                    writer.WriteString("value", indicator.NormalizedValue);
                    writer.WriteBoolean("to_ids", true);
                    writer.WriteString("timestamp", indicator.ModifiedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                    writer.WriteString("comment", $"source: {indicator.Source}; confidence {indicator.Confidence}");
                    writer.WriteString("distribution", "5");
                    writer.WriteBoolean("deleted", false);
                    if (indicator.Tlp is { } tlp)
                    {
                        WriteTags(writer, [$"tlp:{tlp.ToWire()}"]);
                    }

                    writer.WriteEndObject();
                    hashes.Append(Md5(indicator.NormalizedValue)).Append(',').Append(uuid).Append('\n');
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            manifest[uuid] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["info"] = info,
                ["Orgc"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = "Rampart", ["uuid"] = Uuid("organisation Rampart") },
                ["Tag"] = tags.Select(t => new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = t }).ToList(),
                ["date"] = date,
                ["analysis"] = 2,
                ["threat_level_id"] = 2,
                ["timestamp"] = timestamp,
            };
        }

        await File.WriteAllTextAsync(Path.Combine(folder, MispFeed.ManifestFile), JsonSerializer.Serialize(manifest), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, MispFeed.HashesFile), hashes.ToString(), cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static List<string> EventTags(string? actor) => actor is null ? [] : [$"misp-galaxy:threat-actor=\"{actor}\""];

    private static void WriteTags(Utf8JsonWriter writer, IEnumerable<string> tags)
    {
        writer.WriteStartArray("Tag");
        foreach (var tag in tags)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tag);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Category(IndicatorType type) => type switch
    {
        IndicatorType.Md5 or IndicatorType.Sha1 or IndicatorType.Sha256 => "Payload delivery",
        IndicatorType.Email => "Payload delivery",
        IndicatorType.Domain or IndicatorType.Url or IndicatorType.Ipv4 or IndicatorType.Ipv6 or IndicatorType.Cidr => "Network activity",
    };

    private static string Uuid(string name) => StixIds.Deterministic("x", EventNamespace, name)[3..];

#pragma warning disable CA5351 // MD5 is what MISP's hashes.csv is defined with; it indexes values, it does not protect.
    private static string Md5(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)));
#pragma warning restore CA5351
}
