using System.Text;
using Rampart.Intel.Actors;
using static Rampart.Intel.Tests.Actors.ActorAssert;
using C = Rampart.Intel.Tests.Actors.FixtureCluster;

namespace Rampart.Intel.Tests.Actors;

public sealed class ActorKnowledgeBaseTests
{
    private static readonly C[] ThreatActors =
    [
        new C("Kimsuky", 1, Synonyms: ["Velvet Chollima"], Country: "KP"),
        new C("Lazarus Group", 2, StateSponsor: "Korea (Democratic People's Republic of)"),
        new C("APT1", 3, Country: "cn", Description: "PLA Unit 61398"),
        new C("Mystery", 4, StateSponsor: "Unknown"),
    ];

    private static readonly C[] MicrosoftGroups =
    [
        new C("Mint Sandstorm", 5, OriginThreat: "Iran, Influence operations"),
        new C("Storm-0001", 6, OriginThreat: "Financially motivated"),
    ];

    private static readonly C[] IntrusionSets =
    [
        new C("APT1 - G0006", 7, ExternalId: "G0006", Synonyms: ["APT1", "Comment Crew"], Description: "ATT&CK's description"),
    ];

    private static ActorKnowledgeBase Knowledge => FixtureGalaxies.Build(ThreatActors, MicrosoftGroups, IntrusionSets);

    [Fact]
    public void Finds_an_actor_by_any_name_in_any_case_spacing_and_punctuation()
    {
        var knowledge = Knowledge;

        var actor = Single(knowledge, "VELVET-chollima");

        Assert.Same(actor, Single(knowledge, " kimsuky "));
        Assert.Empty(knowledge.Find("Nobody"));
        Assert.Empty(knowledge.Find("  --  "));
    }

    [Fact]
    public void Takes_the_country_code_or_maps_the_sponsor_name_to_iso_alpha_2()
    {
        var knowledge = Knowledge;

        Assert.Equal("KP", Single(knowledge, "kimsuky").Country);
        Assert.Equal("KP", Single(knowledge, "lazarus group").Country);
        Assert.Equal("CN", Single(knowledge, "apt1").Country);
        Assert.Equal("IR", Single(knowledge, "mint sandstorm").Country);
        Assert.Null(Single(knowledge, "mystery").Country);
        Assert.Null(Single(knowledge, "storm-0001").Country);
    }

    [Fact]
    public void Lists_actors_by_country_in_any_case_and_all_actors_without_one()
    {
        var knowledge = Knowledge;

        Assert.Equal(["Kimsuky", "Lazarus Group"], knowledge.ListByCountry("kp").Select(a => a.Name));
        Assert.Empty(knowledge.ListByCountry("FR"));
        Assert.Equal(knowledge.Actors, knowledge.ListByCountry(null));
    }

    [Fact]
    public void Takes_the_stix_id_name_and_description_of_the_intrusion_set_when_an_actor_has_one()
    {
        var knowledge = Knowledge;

        var apt1 = Single(knowledge, "comment crew");
        var kimsuky = Single(knowledge, "kimsuky");

        Assert.Equal("intrusion-set--" + FixtureGalaxies.Uuid(7), apt1.Id);
        Assert.Equal("APT1", apt1.Name);
        Assert.Equal("ATT&CK's description", apt1.Description);
        Assert.Equal("intrusion-set--" + FixtureGalaxies.Uuid(1), kimsuky.Id);
        Assert.Null(kimsuky.AttackId);
    }

    [Fact]
    public void Builds_the_same_actors_and_version_from_the_same_files()
    {
        var first = Knowledge;
        var second = Knowledge;

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Actors.Select(a => a.Id), second.Actors.Select(a => a.Id));
        Assert.Matches("^[0-9a-f]{16}$", first.Version);
    }

    [Fact]
    public void Changes_version_when_any_file_changes()
    {
        var threatActor = FixtureGalaxies.File("threat-actor", ThreatActors);
        var microsoft = FixtureGalaxies.File("microsoft-activity-group", MicrosoftGroups);
        var mitre = FixtureGalaxies.File("mitre-intrusion-set", IntrusionSets);
        var original = FixtureGalaxies.BuildFromText(threatActor, microsoft, mitre).Version;

        Assert.NotEqual(original, FixtureGalaxies.BuildFromText(threatActor + " ", microsoft, mitre).Version);
        Assert.NotEqual(original, FixtureGalaxies.BuildFromText(threatActor, microsoft + " ", mitre).Version);
        Assert.NotEqual(original, FixtureGalaxies.BuildFromText(threatActor, microsoft, mitre + " ").Version);
    }

    [Fact]
    public void Reads_the_streams_without_closing_them()
    {
        using var threatActor = new MemoryStream(Encoding.UTF8.GetBytes(FixtureGalaxies.File("threat-actor", ThreatActors)));
        using var microsoft = new MemoryStream(Encoding.UTF8.GetBytes(FixtureGalaxies.File("microsoft-activity-group")));
        using var mitre = new MemoryStream(Encoding.UTF8.GetBytes(FixtureGalaxies.File("mitre-intrusion-set")));

        var knowledge = ActorKnowledgeBase.Build(threatActor, microsoft, mitre);

        Assert.Equal(ThreatActors.Length, knowledge.Actors.Count);
        Assert.True(threatActor.CanRead);
    }
}
