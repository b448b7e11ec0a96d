using System.Text.Json.Nodes;

namespace Rampart.Intel.Tests.Actors;

/// <summary>A hand-written galaxy cluster; only the fields a test cares about are set.</summary>
internal sealed record FixtureCluster(
    string Value,
    int Number,
    string[]? Synonyms = null,
    string[]? Refs = null,
    string? ExternalId = null,
    string? Country = null,
    string? StateSponsor = null,
    string? OriginThreat = null,
    (string Type, int Destination)[]? Related = null,
    string? Description = null)
{
    public string Uuid => FixtureGalaxies.Uuid(Number);

    public JsonObject ToJson()
    {
        var meta = new JsonObject();
        Add(meta, "synonyms", Synonyms);
        Add(meta, "refs", Refs);
        Add(meta, "external_id", ExternalId);
        Add(meta, "country", Country);
        Add(meta, "cfr-suspected-state-sponsor", StateSponsor);
        Add(meta, "microsoft-origin-threat", OriginThreat);
        var cluster = new JsonObject { ["value"] = Value, ["uuid"] = Uuid, ["meta"] = meta };
        if (Description is not null)
        {
            cluster["description"] = Description;
        }

        if (Related is not null)
        {
            cluster["related"] = new JsonArray([.. Related.Select(r => (JsonNode)new JsonObject
            {
                ["dest-uuid"] = FixtureGalaxies.Uuid(r.Destination),
                ["type"] = r.Type,
            })]);
        }

        return cluster;
    }

    private static void Add(JsonObject meta, string name, string? value)
    {
        if (value is not null)
        {
            meta[name] = value;
        }
    }

    private static void Add(JsonObject meta, string name, string[]? values)
    {
        if (values is not null)
        {
            meta[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }
    }
}
