using System.Text.Json;

namespace Rampart.Intel.Actors;

/// <summary>
/// Reads one MISP galaxy cluster file (<c>clusters/*.json</c> in misp-galaxy) into clusters. Only the
/// fields the knowledge base uses are read and checked; other <c>meta</c> fields are ignored so that
/// new galaxy fields never break loading. Every problem is a <see cref="GalaxyFormatException"/>
/// naming the file, the cluster and the field.
/// </summary>
internal static class GalaxyReader
{
    public static IReadOnlyList<GalaxyCluster> Read(ReadOnlyMemory<byte> json, ActorGalaxy galaxy)
    {
        var file = ActorGalaxies.FileName(galaxy);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new GalaxyFormatException(file, null, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GalaxyFormatException(file, null, "must be a JSON object with a \"values\" array of clusters");
            }

            var type = OptionalString(root, "type", file, null);
            if (type is not null && !string.Equals(type, ActorGalaxies.Type(galaxy), StringComparison.Ordinal))
            {
                throw new GalaxyFormatException(file, null, $"is the \"{type}\" galaxy, expected \"{ActorGalaxies.Type(galaxy)}\"");
            }

            if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                throw new GalaxyFormatException(file, null, "\"values\" must be an array of clusters");
            }

            var clusters = new List<GalaxyCluster>(values.GetArrayLength());
            var seen = new Dictionary<Guid, string>();
            var index = 0;
            foreach (var value in values.EnumerateArray())
            {
                var cluster = ReadCluster(value, galaxy, file, index++);
                if (!seen.TryAdd(cluster.Uuid, cluster.Value))
                {
                    throw new GalaxyFormatException(file, Describe(index - 1, cluster.Value, cluster.Uuid.ToString()),
                        $"uuid is also the uuid of \"{seen[cluster.Uuid]}\"");
                }

                clusters.Add(cluster);
            }

            return clusters;
        }
    }

    private static GalaxyCluster ReadCluster(JsonElement element, ActorGalaxy galaxy, string file, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new GalaxyFormatException(file, Describe(index, null, null), "must be a JSON object");
        }

        // The label grows as fields are read, so that an error names the cluster as well as the file allows.
        var rawValue = element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var rawUuid = element.TryGetProperty("uuid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var label = Describe(index, rawValue, rawUuid);

        var value = OptionalString(element, "value", file, label);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new GalaxyFormatException(file, label, "\"value\" (the cluster name) is missing or empty");
        }

        if (!Guid.TryParse(OptionalString(element, "uuid", file, label), out var uuid))
        {
            throw new GalaxyFormatException(file, label, "\"uuid\" is missing or not a UUID");
        }

        var description = OptionalString(element, "description", file, label);
        var meta = element.TryGetProperty("meta", out var m) && m.ValueKind != JsonValueKind.Null ? m : default;
        if (meta.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            throw new GalaxyFormatException(file, label, "\"meta\" must be an object");
        }

        var hasMeta = meta.ValueKind == JsonValueKind.Object;
        return new GalaxyCluster(
            galaxy,
            uuid,
            value.Trim(),
            string.IsNullOrWhiteSpace(description) ? null : description,
            hasMeta ? StringArray(meta, "synonyms", file, label) : [],
            hasMeta ? StringArray(meta, "refs", file, label) : [],
            hasMeta ? OptionalString(meta, "external_id", file, label, "meta.") : null,
            hasMeta ? OptionalString(meta, "country", file, label, "meta.") : null,
            hasMeta ? OptionalString(meta, "cfr-suspected-state-sponsor", file, label, "meta.") : null,
            hasMeta ? OptionalString(meta, "microsoft-origin-threat", file, label, "meta.") : null,
            Relations(element, file, label));
    }

    private static string? OptionalString(JsonElement parent, string name, string file, string? label, string path = "")
    {
        if (!parent.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : throw new GalaxyFormatException(file, label, $"\"{path}{name}\" must be a string, found {Kind(property)}");
    }

    /// <summary>Blank entries are dropped: the galaxies occasionally carry "" among synonyms.</summary>
    private static string[] StringArray(JsonElement meta, string name, string file, string label)
    {
        if (!meta.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (property.ValueKind != JsonValueKind.Array)
        {
            throw new GalaxyFormatException(file, label, $"\"meta.{name}\" must be an array of strings, found {Kind(property)}");
        }

        var items = new List<string>(property.GetArrayLength());
        var position = 0;
        foreach (var item in property.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new GalaxyFormatException(file, label, $"\"meta.{name}[{position}]\" must be a string, found {Kind(item)}");
            }

            var text = item.GetString()!.Trim();
            if (text.Length > 0)
            {
                items.Add(text);
            }

            position++;
        }

        return [.. items];
    }

    private static GalaxyRelation[] Relations(JsonElement element, string file, string label)
    {
        if (!element.TryGetProperty("related", out var related) || related.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (related.ValueKind != JsonValueKind.Array)
        {
            throw new GalaxyFormatException(file, label, $"\"related\" must be an array, found {Kind(related)}");
        }

        var relations = new List<GalaxyRelation>(related.GetArrayLength());
        var position = 0;
        foreach (var entry in related.EnumerateArray())
        {
            var path = $"related[{position++}].";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new GalaxyFormatException(file, label, $"\"{path[..^1]}\" must be an object, found {Kind(entry)}");
            }

            // The shipped Microsoft galaxy has "uses" entries with an empty dest-uuid: they point
            // nowhere, so they are skipped; a dest-uuid that is something else than a UUID is an error.
            var destinationText = OptionalString(entry, "dest-uuid", file, label, path);
            if (string.IsNullOrWhiteSpace(destinationText))
            {
                continue;
            }

            if (!Guid.TryParse(destinationText, out var destination))
            {
                throw new GalaxyFormatException(file, label, $"\"{path}dest-uuid\" is not a UUID: \"{destinationText}\"");
            }

            relations.Add(new GalaxyRelation(destination, OptionalString(entry, "type", file, label, path) ?? "related-to"));
        }

        return [.. relations];
    }

    private static string Describe(int index, string? value, string? uuid) =>
        $"cluster #{index}" + (value is null ? "" : $" \"{value}\"") + (uuid is null ? "" : $" ({uuid})");

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
