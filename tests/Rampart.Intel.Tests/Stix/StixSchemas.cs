using System.Text.Json;
using Json.Schema;

namespace Rampart.Intel.Tests.Stix;

/// <summary>
/// The OASIS STIX 2.1 JSON schemas (Fixtures/schemas, BSD-3), every one registered by its <c>$id</c>
/// in a registry of our own: references resolve locally and nothing is fetched.
/// </summary>
internal static class StixSchemas
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Loaded = new(Load);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Stix", "Fixtures", "schemas");

    /// <summary>
    /// The validation errors of a bundle, one line each (object id: location: message); empty when it
    /// is valid. The bundle schema checks the envelope, then each object is checked against the schema
    /// of its type: the bundle schema's oneOf over every type would report every other type's
    /// failures, and STIX 2.1 §8 requires exactly this per-type validity.
    /// </summary>
    public static IReadOnlyList<string> Validate(string bundleJson)
    {
        using var document = JsonDocument.Parse(bundleJson);
        var schemas = Loaded.Value;
        var errors = new List<string>();
        var root = document.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "bundle" || !root.TryGetProperty("id", out var id)
            || !id.GetString()!.StartsWith("bundle--", StringComparison.Ordinal) || !root.TryGetProperty("objects", out var objects))
        {
            errors.Add("bundle: not a bundle with type, id and objects");
            return errors;
        }

        foreach (var item in objects.EnumerateArray())
        {
            var objectType = item.GetProperty("type").GetString()!;
            if (!schemas.TryGetValue(objectType, out var schema))
            {
                errors.Add($"{item.GetProperty("id")}: no schema for type '{objectType}'");
                continue;
            }

            var results = schema.Evaluate(item, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid)
            {
                errors.AddRange((results.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{item.GetProperty("id")}: {d.InstanceLocation}: {e.Key}: {e.Value}")));
            }
        }

        return errors;
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var registry = new SchemaRegistry();
        var files = Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories)
            .ToDictionary(f => IdOf(f), f => f, StringComparer.Ordinal);
        var options = new BuildOptions { SchemaRegistry = registry };
        registry.Fetch = (uri, _) => files.TryGetValue(uri.GetLeftPart(UriPartial.Path), out var path)
            ? JsonSchema.FromFile(path, options)
            : throw new InvalidOperationException($"schema {uri} is not in Fixtures/schemas; nothing is fetched");
        var byType = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var folder in (string[])["sdos", "sros", "observables"])
        {
            foreach (var path in Directory.GetFiles(Path.Combine(Folder, folder), "*.json"))
            {
                byType[Path.GetFileNameWithoutExtension(path)] = (JsonSchema)registry.Get(new Uri(IdOf(path)))!;
            }
        }

        byType["marking-definition"] = (JsonSchema)registry.Get(new Uri(IdOf(Path.Combine(Folder, "common", "marking-definition.json"))))!;
        return byType;
    }

    private static string IdOf(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("$id").GetString()!;
    }
}
