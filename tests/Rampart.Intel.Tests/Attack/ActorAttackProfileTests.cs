using System.Text.Json.Nodes;
using Rampart.Core.Storage;
using Rampart.Intel.Attack;
using Rampart.Intel.Tests.Stix;

namespace Rampart.Intel.Tests.Attack;

public sealed class ActorAttackProfileTests
{
    private const string Group = "intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c";
    private const string Phishing = "attack-pattern--a62a8db3-f23a-4d8f-afd6-9dbc77e7813b";
    private const string Tracking = "attack-pattern--99e6295e-a1c9-4b1a-8c3e-3e7b2f0b6b1d";

    private static string AttackBundle(string modified, bool trackingDeprecated) => StixRoundTripTests.Bundle(
        Obj("intrusion-set", Group, modified, new JsonObject { ["name"] = "APT28", ["aliases"] = new JsonArray("APT28", "Sofacy"), ["external_references"] = Ref("G0007") }),
        Obj("attack-pattern", Phishing, modified, new JsonObject { ["name"] = "Phishing", ["external_references"] = Ref("T1566"), ["kill_chain_phases"] = Phase("initial-access") }),
        Obj("attack-pattern", Tracking, modified, new JsonObject
        {
            ["name"] = "Location Tracking",
            ["external_references"] = Ref("T1430"),
            ["kill_chain_phases"] = Phase("discovery", "collection"),
            ["x_mitre_deprecated"] = trackingDeprecated,
        }),
        Obj("relationship", "relationship--6f3ad0c4-3f4e-4b9d-9d7e-2a1c5b8e7f01", modified, new JsonObject { ["relationship_type"] = "uses", ["source_ref"] = Group, ["target_ref"] = Phishing }),
        Obj("relationship", "relationship--6f3ad0c4-3f4e-4b9d-9d7e-2a1c5b8e7f02", modified, new JsonObject { ["relationship_type"] = "uses", ["source_ref"] = Group, ["target_ref"] = Tracking }));

    [Fact]
    public async Task Strontium_lists_the_techniques_of_its_attack_group_by_tactic()
    {
        await using var store = await IntelStore.CreateAsync(withActors: true);
        await store.ImportAsync(AttackBundle("2024-01-01T00:00:00.000Z", trackingDeprecated: false));
        var strontium = Assert.Single(await store.Actors.FindByNameAsync("STRONTIUM", TestContext.Current.CancellationToken));

        var profile = await new ActorAttackProfiles(store.Stix).ForAsync(strontium, TestContext.Current.CancellationToken);

        Assert.Equal(["APT28 (G0007)"], profile.Groups);
        Assert.Equal(
            ["initial-access: T1566 Phishing", "discovery: T1430 Location Tracking", "collection: T1430 Location Tracking"],
            profile.ByTactic.SelectMany(g => g.Techniques.Select(t => $"{g.Tactic}: {t}")));
    }

    [Fact]
    public async Task A_newer_attack_release_updates_the_profile_instead_of_adding_to_it()
    {
        await using var store = await IntelStore.CreateAsync(withActors: true);
        await store.ImportAsync(AttackBundle("2024-01-01T00:00:00.000Z", trackingDeprecated: false));

        var newer = await store.ImportAsync(AttackBundle("2025-01-01T00:00:00.000Z", trackingDeprecated: true));

        var strontium = Assert.Single(await store.Actors.FindByNameAsync("STRONTIUM", TestContext.Current.CancellationToken));
        var profile = await new ActorAttackProfiles(store.Stix).ForAsync(strontium, TestContext.Current.CancellationToken);
        Assert.Equal(5, newer.Counts.Added);
        Assert.Equal(["T1566 Phishing"], profile.Techniques.Select(t => t.ToString()));
    }

    /// <summary>Exclusive: the CLI's import, which looks actors up in a snapshot taken before it holds the store.</summary>
    [Theory]
    [InlineData(StoreAccess.Shared)]
    [InlineData(StoreAccess.Exclusive)]
    public async Task Indicators_of_an_intrusion_set_are_attributed_to_the_actor_the_knowledge_base_links_it_to(StoreAccess access)
    {
        await using var store = await IntelStore.CreateAsync(withActors: true);
        var report = await store.ImportAsync(access: access, json: StixRoundTripTests.Bundle(
            Obj("intrusion-set", Group, "2024-01-01T00:00:00.000Z", new JsonObject { ["name"] = "Forest Blizzard" }),
            StixRoundTripTests.Indicator("11111111-1111-4111-8111-111111111111", "[domain-name:value = 'strontium-lure.example']"),
            Obj("relationship", "relationship--6f3ad0c4-3f4e-4b9d-9d7e-2a1c5b8e7f03", "2024-01-01T00:00:00.000Z",
                new JsonObject { ["relationship_type"] = "indicates", ["source_ref"] = "indicator--11111111-1111-4111-8111-111111111111", ["target_ref"] = Group })));

        var strontium = Assert.Single(await store.Actors.FindByNameAsync("STRONTIUM", TestContext.Current.CancellationToken));
        var indicator = Assert.Single((await store.Indicators.ListAsync(new Core.Indicators.IndicatorQuery(), TestContext.Current.CancellationToken)).Items);
        Assert.Equal(1, report.Attributed);
        Assert.Equal(strontium.Id, indicator.ActorId);
    }

    private static string Obj(string type, string id, string modified, JsonObject properties)
    {
        var node = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = "2020-01-01T00:00:00.000Z",
            ["modified"] = modified,
        };
        foreach (var (key, value) in properties.ToList())
        {
            properties.Remove(key);
            node[key] = value;
        }

        return node.ToJsonString();
    }

    private static JsonArray Ref(string attackId) => new(new JsonObject { ["source_name"] = "mitre-attack", ["external_id"] = attackId });

    private static JsonArray Phase(params string[] tactics) =>
        new([.. tactics.Select(t => (JsonNode)new JsonObject { ["kill_chain_name"] = "mitre-attack", ["phase_name"] = t })]);
}
