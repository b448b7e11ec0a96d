using Rampart.Intel.Actors;
using static Rampart.Intel.Tests.Actors.ActorAssert;

namespace Rampart.Intel.Tests.Actors;

/// <summary>The merges people rely on, checked against the galaxies embedded in the product.</summary>
public sealed class ShippedKnowledgeBaseTests
{
    private static ActorKnowledgeBase Shipped => ActorKnowledgeBase.Shipped;

    [Fact]
    public void The_shipped_version_known_without_building_is_the_built_knowledge_base_version()
    {
        Assert.Matches("^[0-9a-f]{16}$", ActorKnowledgeBase.ShippedVersion);
        Assert.Equal(Shipped.Version, ActorKnowledgeBase.ShippedVersion);
    }

    [Fact]
    public void Strontium_is_one_actor_with_apt28_and_fancy_bear_and_not_apt29()
    {
        var actor = Single(Shipped, "strontium");

        Names(actor, "APT28", "Fancy Bear", "Forest Blizzard", "Sofacy");
        DoesNotName(actor, "APT29", "Cozy Bear");
        Assert.Equal("G0007", actor.AttackId);
        Assert.Equal("RU", actor.Country);
    }

    [Fact]
    public void Emerald_sleet_is_one_actor_with_kimsuky_and_thallium_and_not_lazarus_or_opal_sleet()
    {
        var actor = Single(Shipped, "emerald sleet");

        Names(actor, "Kimsuky", "THALLIUM", "Velvet Chollima");
        DoesNotName(actor, "Lazarus Group", "Opal Sleet");
        Assert.Equal("KP", actor.Country);
    }

    [Theory]
    [InlineData("THALLIUM")]
    [InlineData("thallium")]
    [InlineData("Kimsuky")]
    [InlineData("Emerald Sleet")]
    [InlineData("black banshee")]
    public void Every_name_of_kimsuky_finds_the_same_one_actor(string name)
    {
        var actor = Single(Shipped, name);

        Assert.Same(Single(Shipped, "emerald sleet"), actor);
        Assert.Equal(
            ["misp-galaxy:mitre-intrusion-set", "misp-galaxy:threat-actor", "misp-galaxy:microsoft-activity-group"],
            actor.Sources);
    }

    [Fact]
    public void Barium_is_one_actor_with_apt41_and_not_apt17()
    {
        var actor = Single(Shipped, "barium");

        Names(actor, "APT41", "Brass Typhoon", "Wicked Panda");
        DoesNotName(actor, "APT17");
        Assert.Equal("G0096", actor.AttackId);
    }

    [Theory]
    [InlineData("grizzly steppe")]
    [InlineData("apt43")]
    public void A_name_several_actors_go_by_answers_with_the_candidates(string name)
    {
        var candidates = Shipped.Find(name);

        Assert.True(candidates.Count > 1, $"'{name}' finds {candidates.Count} actors");
        Assert.Equal(candidates.Count, candidates.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Grizzly_steppe_names_apt28_and_apt29_as_separate_actors()
    {
        var candidates = Shipped.Find("Grizzly Steppe");

        Assert.Contains(candidates, a => HasName(a, "APT28") && !HasName(a, "APT29"));
        Assert.Contains(candidates, a => HasName(a, "APT29") && !HasName(a, "APT28"));
    }

    [Fact]
    public void North_korea_lists_kimsuky_and_lazarus_as_separate_actors()
    {
        var actors = Shipped.ListByCountry("KP");

        var kimsuky = Assert.Single(actors, a => HasName(a, "Kimsuky"));
        var lazarus = Assert.Single(actors, a => HasName(a, "Lazarus Group"));
        Assert.NotSame(kimsuky, lazarus);
        Assert.All(actors, a => Assert.Equal("KP", a.Country));
    }

    [Fact]
    public void Every_actor_has_a_unique_intrusion_set_id_and_is_found_by_its_own_name()
    {
        var actors = Shipped.Actors;

        Assert.True(actors.Count > 500, $"{actors.Count} actors");
        Assert.Equal(actors.Count, actors.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(actors, a =>
        {
            Assert.StartsWith("intrusion-set--", a.Id);
            Assert.Contains(a, Shipped.Find(a.Name));
            Assert.NotEmpty(a.Sources);
        });
    }

    [Fact]
    public void Builds_the_same_version_and_ids_as_the_cached_instance()
    {
        using var threatActor = typeof(ActorKnowledgeBase).Assembly.GetManifestResourceStream("Rampart.Intel.Actors.threat-actor.json")!;
        using var microsoft = typeof(ActorKnowledgeBase).Assembly.GetManifestResourceStream("Rampart.Intel.Actors.microsoft-activity-group.json")!;
        using var mitre = typeof(ActorKnowledgeBase).Assembly.GetManifestResourceStream("Rampart.Intel.Actors.mitre-intrusion-set.json")!;

        var rebuilt = ActorKnowledgeBase.Build(threatActor, microsoft, mitre);

        Assert.Equal(Shipped.Version, rebuilt.Version);
        Assert.Equal(Shipped.Actors.Select(a => a.Id), rebuilt.Actors.Select(a => a.Id));
    }
}
