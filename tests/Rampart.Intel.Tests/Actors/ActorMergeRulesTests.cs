using static Rampart.Intel.Tests.Actors.ActorAssert;
using C = Rampart.Intel.Tests.Actors.FixtureCluster;

namespace Rampart.Intel.Tests.Actors;

public sealed class ActorMergeRulesTests
{
    [Fact]
    public void Merges_a_threat_actor_and_an_intrusion_set_that_share_an_attack_id()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Sofacy", 1, Refs: ["https://attack.mitre.org/groups/G0007/"])],
            mitre: [new C("APT28 - G0007", 2, ExternalId: "G0007")]);

        var actor = Single(knowledge, "sofacy");

        Assert.Same(actor, Single(knowledge, "APT28"));
        Assert.Equal("G0007", actor.AttackId);
        Assert.Single(knowledge.Actors);
    }

    [Fact]
    public void Reads_an_attack_id_listed_among_the_synonyms_as_an_id_not_a_name()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Sofacy", 1, Synonyms: ["G0007"])],
            mitre: [new C("APT28 - G0007", 2, ExternalId: "G0007")]);

        var actor = Single(knowledge, "APT28");

        Assert.Equal("Sofacy", Assert.Single(actor.Aliases, a => a.Source == "misp-galaxy:threat-actor").Name);
        Assert.Empty(knowledge.Find("G0007"));
    }

    [Fact]
    public void Merges_clusters_when_one_lists_the_others_primary_name()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("APT28", 1)],
            microsoft: [new C("Forest Blizzard", 2, Synonyms: ["APT28", "Fancy Bear"])]);

        var actor = Single(knowledge, "forest blizzard");

        Names(actor, "APT28", "Fancy Bear");
        Assert.Single(knowledge.Actors);
    }

    [Fact]
    public void Does_not_merge_clusters_that_only_share_an_alias()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("APT28", 1, Synonyms: ["Grizzly Steppe"])],
            mitre: [new C("APT29 - G0016", 2, ExternalId: "G0016", Synonyms: ["APT29", "Grizzly Steppe"])]);

        var candidates = knowledge.Find("grizzly steppe");

        Assert.Equal(["APT28", "APT29"], candidates.Select(a => a.Name).Order());
        DoesNotName(Single(knowledge, "APT28"), "APT29");
    }

    [Fact]
    public void Does_not_merge_transitively_through_an_alias_all_three_galaxies_share()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Alpha", 1, Synonyms: ["Common Name"])],
            microsoft: [new C("Gamma", 2, Synonyms: ["Common Name"])],
            mitre: [new C("Beta - G0100", 3, ExternalId: "G0100", Synonyms: ["Beta", "Common Name"])]);

        Assert.Equal(3, knowledge.Find("common name").Count);
        Assert.Equal(3, knowledge.Actors.Count);
    }

    [Fact]
    public void Does_not_merge_through_related_links_but_shows_them_as_related_actors()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Alpha", 1, Related: [("same-as", 3)])],
            microsoft: [new C("Gamma", 2, Related: [("similar", 1)])],
            mitre: [new C("Beta - G0100", 3, ExternalId: "G0100", Synonyms: ["Beta"])]);

        var alpha = Single(knowledge, "alpha");

        Assert.Equal(3, knowledge.Actors.Count);
        Assert.Equal(["Beta", "Gamma"], alpha.Related.Order());
        Assert.Equal(["Alpha"], Single(knowledge, "beta").Related);
        Assert.Equal(["Alpha"], Single(knowledge, "gamma").Related);
    }

    [Fact]
    public void Never_merges_two_clusters_of_the_same_galaxy_and_answers_a_shared_name_with_candidates()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Kimsuky", 1, Synonyms: ["THALLIUM", "APT43"]), new C("APT43", 2)]);

        var candidates = knowledge.Find("apt 43");

        Assert.Equal(["APT43", "Kimsuky"], candidates.Select(a => a.Name));
        Assert.Equal(2, knowledge.Actors.Count);
    }

    [Fact]
    public void Joins_a_cluster_with_two_attack_ids_to_the_intrusion_set_whose_names_also_agree()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("APT17", 1, Synonyms: ["Axiom", "Deputy Dog"], Refs: ["https://attack.mitre.org/groups/G0025/", "https://attack.mitre.org/groups/G0001/"])],
            mitre: [new C("Axiom - G0001", 2, ExternalId: "G0001", Synonyms: ["Axiom"]), new C("APT17 - G0025", 3, ExternalId: "G0025", Synonyms: ["APT17"])]);

        var apt17 = Single(knowledge, "deputy dog");

        Assert.Equal("G0025", apt17.AttackId);
        Assert.Equal(2, knowledge.Find("axiom").Count);
        Assert.Equal(2, knowledge.Actors.Count);
    }

    [Fact]
    public void Prefers_a_shared_attack_id_over_a_name_listed_by_another_intrusion_set()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Alpha", 1, Refs: ["https://attack.mitre.org/groups/G0100"])],
            mitre: [new C("Alpha Group - G0100", 2, ExternalId: "G0100"), new C("Delta - G0200", 3, ExternalId: "G0200", Synonyms: ["Delta", "Alpha"])]);

        var candidates = knowledge.Find("alpha");

        Assert.Equal(["G0100", "G0200"], candidates.Select(a => a.AttackId!).Order());
        Assert.Contains(candidates, a => a.AttackId == "G0100" && HasName(a, "Alpha Group"));
    }

    [Fact]
    public void Joins_a_microsoft_group_to_the_actor_both_other_galaxies_agree_on()
    {
        // Mirrors APT29: Midnight Blizzard lists APT29, the APT29 clusters list it back, and a
        // separate threat-actor cluster (UNC2452) also lists Midnight Blizzard.
        var knowledge = FixtureGalaxies.Build(
            threatActor:
            [
                new C("UNC2452", 1, Synonyms: ["Midnight Blizzard"]),
                new C("APT29", 9, Synonyms: ["Midnight Blizzard"], Refs: ["https://attack.mitre.org/groups/G0016"]),
            ],
            microsoft: [new C("Midnight Blizzard", 2, Synonyms: ["APT29", "UNC2452"])],
            mitre: [new C("APT29 - G0016", 3, ExternalId: "G0016", Synonyms: ["APT29", "Midnight Blizzard"])]);

        var apt29 = Single(knowledge, "apt29");

        Assert.Equal(["misp-galaxy:mitre-intrusion-set", "misp-galaxy:threat-actor", "misp-galaxy:microsoft-activity-group"], apt29.Sources);
        Assert.Equal(2, knowledge.Find("midnight blizzard").Count);
    }

    [Fact]
    public void Folds_a_retired_microsoft_name_into_the_group_that_lists_it()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("APT28", 1, Synonyms: ["STRONTIUM", "Forest Blizzard"])],
            microsoft:
            [
                new C("STRONTIUM", 2, Synonyms: ["APT28", "Fancy Bear"], Country: "RU"),
                new C("Forest Blizzard", 3, Synonyms: ["STRONTIUM", "APT28"]),
            ]);

        var actor = Single(knowledge, "strontium");

        Assert.Single(knowledge.Actors);
        Assert.Equal("RU", actor.Country);
        Names(actor, "Forest Blizzard", "Fancy Bear", "APT28");
    }

    [Fact]
    public void Folds_a_revoked_intrusion_set_into_the_one_that_revoked_it()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("Kimsuky", 1, Refs: ["https://attack.mitre.org/groups/G0086/"])],
            mitre:
            [
                new C("Stolen Pencil - G0086", 2, ExternalId: "G0086", Related: [("revoked-by", 3)]),
                new C("Kimsuky - G0094", 3, ExternalId: "G0094", Synonyms: ["Kimsuky", "THALLIUM"]),
            ]);

        var actor = Single(knowledge, "stolen pencil");

        Assert.Single(knowledge.Actors);
        Assert.Equal("G0094", actor.AttackId);
        Assert.Equal("intrusion-set--" + FixtureGalaxies.Uuid(3), actor.Id);
        Assert.Empty(actor.Related);
    }

    [Fact]
    public void Each_alias_keeps_the_galaxy_it_came_from()
    {
        var knowledge = FixtureGalaxies.Build(
            threatActor: [new C("APT28", 1, Synonyms: ["Sofacy", "Fancy Bear"], Refs: ["https://attack.mitre.org/groups/G0007"])],
            microsoft: [new C("Forest Blizzard", 2, Synonyms: ["APT28", "STRONTIUM"])],
            mitre: [new C("APT28 - G0007", 3, ExternalId: "G0007", Synonyms: ["APT28", "Sofacy"])]);

        var actor = Single(knowledge, "apt28");

        Assert.Equal(
            ["APT28|misp-galaxy:microsoft-activity-group", "APT28|misp-galaxy:mitre-intrusion-set", "APT28|misp-galaxy:threat-actor"],
            actor.Aliases.Where(a => a.Name == "APT28").Select(a => $"{a.Name}|{a.Source}").Order());
        Assert.Equal("misp-galaxy:microsoft-activity-group", Assert.Single(actor.Aliases, a => a.Name == "STRONTIUM").Source);
        Assert.Equal("misp-galaxy:threat-actor", Assert.Single(actor.Aliases, a => a.Name == "Fancy Bear").Source);
        Assert.Equal(actor.Name, actor.Aliases[0].Name);
    }
}
