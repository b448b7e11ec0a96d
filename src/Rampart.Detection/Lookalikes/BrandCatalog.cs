using System.Text.Json;
using System.Text.Json.Serialization;
using Rampart.Core.Allowlists;

namespace Rampart.Detection.Lookalikes;

/// <summary>The shipped default brands (<c>data/brands/default-brands.json</c>) and the JSON form users' brands share.</summary>
public static class BrandCatalog
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The default brands, their own domains taken from <paramref name="registry"/>.</summary>
    public static IReadOnlyList<Brand> Defaults(AllowlistRegistry registry)
    {
        using var stream = typeof(BrandCatalog).Assembly.GetManifestResourceStream("Rampart.Detection.Lookalikes.default-brands.json")
            ?? throw new InvalidOperationException("the shipped default-brands.json is missing from the assembly");
        var file = JsonSerializer.Deserialize<BrandFile>(stream, Options) ?? throw new InvalidOperationException("default-brands.json is empty");
        return file.Brands.Select(b => new Brand(
            b.Name,
            b.Names.Select(n => new BrandName(n.Label, n.Domain, n.Generic)).ToArray(),
            b.Keywords,
            registry.DomainsOwnedBy(b.Name).ToArray())).ToArray();
    }

    /// <summary>Reads brands in the same JSON shape, with their own domains listed (a user's brands file).</summary>
    public static IReadOnlyList<Brand> Read(Stream stream)
    {
        var file = JsonSerializer.Deserialize<BrandFile>(stream, Options) ?? new BrandFile([]);
        return file.Brands.Select(b => new Brand(
            b.Name,
            b.Names.Select(n => new BrandName(n.Label.ToLowerInvariant(), n.Domain.ToLowerInvariant(), n.Generic)).ToArray(),
            b.Keywords,
            b.Domains ?? [])).ToArray();
    }

    public static void Write(Stream stream, IEnumerable<Brand> brands) =>
        JsonSerializer.Serialize(stream, new BrandFile(brands.Select(b => new BrandEntry(
            b.Name, b.Names.Select(n => new NameEntry(n.Label, n.Domain, n.Generic)).ToArray(), b.Keywords, b.Domains)).ToArray()),
            Indented);

    private sealed record BrandFile(IReadOnlyList<BrandEntry> Brands);

    private sealed record BrandEntry(string Name, IReadOnlyList<NameEntry> Names, IReadOnlyList<string> Keywords, IReadOnlyList<string>? Domains = null);

    private sealed record NameEntry(string Label, string Domain, [property: JsonPropertyName("generic")] bool Generic);
}
