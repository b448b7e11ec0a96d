using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Intel.Actors;

namespace Rampart.Intel.Tests.Actors;

/// <summary>Builds small galaxy files in the misp-galaxy cluster format and knowledge bases from them.</summary>
internal static class FixtureGalaxies
{
    /// <summary>A readable, fixed uuid per cluster number: 00000000-0000-4000-8000-000000000042.</summary>
    public static string Uuid(int number) => "00000000-0000-4000-8000-" + number.ToString("D12", CultureInfo.InvariantCulture);

    public static string File(string type, params FixtureCluster[] clusters) => new JsonObject
    {
        ["name"] = type,
        ["type"] = type,
        ["uuid"] = Uuid(0),
        ["values"] = new JsonArray([.. clusters.Select(c => (JsonNode)c.ToJson())]),
    }.ToJsonString();

    public static ActorKnowledgeBase Build(
        FixtureCluster[]? threatActor = null,
        FixtureCluster[]? microsoft = null,
        FixtureCluster[]? mitre = null) =>
        BuildFromText(
            File("threat-actor", threatActor ?? []),
            File("microsoft-activity-group", microsoft ?? []),
            File("mitre-intrusion-set", mitre ?? []));

    public static ActorKnowledgeBase BuildFromText(string threatActor, string microsoft, string mitre)
    {
        using var a = new MemoryStream(Encoding.UTF8.GetBytes(threatActor));
        using var b = new MemoryStream(Encoding.UTF8.GetBytes(microsoft));
        using var c = new MemoryStream(Encoding.UTF8.GetBytes(mitre));
        return ActorKnowledgeBase.Build(a, b, c);
    }
}
