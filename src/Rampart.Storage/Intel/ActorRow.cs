using System.Text.Json;
using Rampart.Core.Actors;

namespace Rampart.Storage.Intel;

/// <summary>An <c>actors</c> row as Dapper reads it; <see cref="Related"/> and <see cref="Sources"/> are JSON arrays.</summary>
internal sealed class ActorRow
{
    public const string Columns = "a.id AS Id, a.name AS Name, a.country AS Country, a.attack_id AS AttackId, a.description AS Description, a.related AS Related, a.sources AS Sources";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Country { get; set; }

    public string? AttackId { get; set; }

    public string? Description { get; set; }

    public string Related { get; set; } = "[]";

    public string Sources { get; set; } = "[]";

    public Actor ToActor(IReadOnlyList<ActorAlias> aliases) =>
        new(Id, Name, Country, AttackId, Description, aliases, ReadList(Related), ReadList(Sources));

    public static IReadOnlyList<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string WriteList(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToList());
}
