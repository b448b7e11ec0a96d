using System.Text;
using Rampart.Intel.Actors;
using C = Rampart.Intel.Tests.Actors.FixtureCluster;

namespace Rampart.Intel.Tests.Actors;

public sealed class GalaxyReaderTests
{
    private const string Empty = """{"type": "threat-actor", "values": []}""";

    [Theory]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001"}]}""", "cluster #0", "\"value\"")]
    [InlineData("""{"values": [{"value": "APT28"}]}""", "cluster #0 \"APT28\"", "\"uuid\"")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "not-a-uuid"}]}""", "cluster #0 \"APT28\" (not-a-uuid)", "\"uuid\"")]
    [InlineData("""{"values": [{"value": 28, "uuid": "00000000-0000-4000-8000-000000000001"}]}""", "cluster #0 (00000000-0000-4000-8000-000000000001)", "\"value\" must be a string")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "meta": []}]}""", "\"APT28\"", "\"meta\" must be an object")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "meta": {"synonyms": "Sofacy"}}]}""", "\"APT28\"", "\"meta.synonyms\" must be an array of strings")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "meta": {"synonyms": ["Sofacy", 7]}}]}""", "\"APT28\"", "\"meta.synonyms[1]\" must be a string")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "meta": {"refs": {}}}]}""", "\"APT28\"", "\"meta.refs\"")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "meta": {"country": ["RU"]}}]}""", "\"APT28\"", "\"meta.country\" must be a string")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "related": [{"type": "uses", "dest-uuid": ""}, {"type": "similar", "dest-uuid": "APT29"}]}]}""", "\"APT28\"", "\"related[1].dest-uuid\" is not a UUID")]
    [InlineData("""{"values": [{"value": "APT28", "uuid": "00000000-0000-4000-8000-000000000001", "related": {}}]}""", "\"APT28\"", "\"related\" must be an array")]
    [InlineData("""{"values": [{"value": "A", "uuid": "00000000-0000-4000-8000-000000000001"}, {"value": "B", "uuid": "00000000-0000-4000-8000-000000000001"}]}""", "cluster #1 \"B\"", "also the uuid of \"A\"")]
    [InlineData("""{"values": ["APT28"]}""", "cluster #0", "must be a JSON object")]
    public void Names_the_file_the_cluster_and_the_field_of_a_malformed_cluster(string json, string cluster, string problem)
    {
        var error = Assert.Throws<GalaxyFormatException>(() => FixtureGalaxies.BuildFromText(json, Empty.Replace("threat-actor", "microsoft-activity-group"), Empty.Replace("threat-actor", "mitre-intrusion-set")));

        Assert.Equal("threat-actor.json", error.File);
        Assert.StartsWith("threat-actor.json: ", error.Message);
        Assert.Contains(cluster, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("{\"values\": [", "is not valid JSON (line 1")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{}", "\"values\" must be an array")]
    [InlineData("""{"type": "mitre-intrusion-set", "values": []}""", "is the \"mitre-intrusion-set\" galaxy, expected \"microsoft-activity-group\"")]
    public void Names_the_file_of_a_malformed_galaxy(string json, string problem)
    {
        var error = Assert.Throws<GalaxyFormatException>(() => FixtureGalaxies.BuildFromText(Empty, json, Empty.Replace("threat-actor", "mitre-intrusion-set")));

        Assert.Equal("microsoft-activity-group.json", error.File);
        Assert.Null(error.Cluster);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Skips_a_related_entry_that_points_nowhere()
    {
        var file = Encoding.UTF8.GetBytes("""{"values": [{"value": "NOBELIUM", "uuid": "00000000-0000-4000-8000-000000000001", "related": [{"type": "uses", "dest-uuid": ""}, {"type": "uses"}]}]}""");

        var cluster = Assert.Single(GalaxyReader.Read(file, ActorGalaxy.MicrosoftActivityGroup));

        Assert.Empty(cluster.Related);
    }

    [Fact]
    public void Reads_every_prefix_of_a_galaxy_file_or_reports_a_galaxy_format_error()
    {
        var file = Encoding.UTF8.GetBytes(FixtureGalaxies.File("threat-actor",
            new C("APT28", 1, Synonyms: ["Sofacy", "G0007"], Refs: ["https://attack.mitre.org/groups/G0007/"], Country: "RU", Related: [("similar", 2)])));

        for (var length = 0; length < file.Length; length++)
        {
            var error = Record.Exception(() => GalaxyReader.Read(file.AsMemory(0, length), ActorGalaxy.ThreatActor));
            Assert.True(error is GalaxyFormatException, $"prefix of {length} bytes: {error?.GetType().Name ?? "read without error"}");
        }

        Assert.Single(GalaxyReader.Read(file, ActorGalaxy.ThreatActor));
    }

    [Fact]
    public void Reads_names_and_attack_ids_the_way_each_galaxy_writes_them()
    {
        var mitre = Encoding.UTF8.GetBytes(FixtureGalaxies.File("mitre-intrusion-set",
            new C("APT28 - G0007", 1, ExternalId: "G0007", Synonyms: ["APT28", " Sofacy ", ""])));
        var threatActor = Encoding.UTF8.GetBytes(FixtureGalaxies.File("threat-actor",
            new C("Group - G1", 2, Synonyms: ["g0016"], Refs: ["https://attack.mitre.org/groups/G0007/", "https://example.com/G0099"])));

        var intrusionSet = Assert.Single(GalaxyReader.Read(mitre, ActorGalaxy.MitreIntrusionSet));
        var cluster = Assert.Single(GalaxyReader.Read(threatActor, ActorGalaxy.ThreatActor));

        Assert.Equal(["APT28", "APT28", "Sofacy"], intrusionSet.Names);
        Assert.Equal(["G0007"], intrusionSet.AttackIds);
        Assert.Equal(["Group - G1"], cluster.Names);
        Assert.Equal(["G0007", "G0016"], cluster.AttackIds);
    }
}
