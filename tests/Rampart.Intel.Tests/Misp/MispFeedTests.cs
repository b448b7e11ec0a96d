using System.Text;
using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Misp;
using Rampart.Intel.Tests.Stix;

namespace Rampart.Intel.Tests.Misp;

public sealed class MispFeedTests
{
    private static readonly string Feed = Path.Combine(AppContext.BaseDirectory, "Misp", "Fixtures", "feed");

    private static async Task<(IntelStore Store, MispImportReport Report)> ImportFeedAsync(string path)
    {
        var store = await IntelStore.CreateAsync(withActors: true);
        var problems = new List<MispProblem>();
        var events = MispFeed.Read(path, problems);
        var report = await new MispImporter(store.Indicators, store.Actors).ImportAsync(events, "misp:example-cert", problems, IntelStore.Analyst, TestContext.Current.CancellationToken);
        return (store, report);
    }

    private static async Task<List<Indicator>> AllAsync(IntelStore store) =>
        [.. (await store.Indicators.ListAsync(new IndicatorQuery(Limit: IndicatorQuery.MaxLimit), TestContext.Current.CancellationToken)).Items];

    [Fact]
    public async Task Imports_the_attributes_meant_for_detection_and_counts_the_rest()
    {
        var (store, report) = await ImportFeedAsync(Feed);
        await using var _ = store;

        Assert.Equal(1, report.Events);
        Assert.Equal(9, report.Attributes);
        Assert.Equal(1, report.Deleted);
        Assert.Equal(3, report.NotIds);
        var values = (await AllAsync(store)).Select(i => (i.Type, i.NormalizedValue)).Order().ToList();
        Assert.Equal(
            [
                (IndicatorType.Domain, "outlook-login.example"),
                (IndicatorType.Ipv4, "203.0.113.7"),
                (IndicatorType.Email, "security-alerts@outlook-login.example"),
                (IndicatorType.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ],
            values);
    }

    [Fact]
    public async Task Reports_a_bad_value_with_its_file_line_and_field()
    {
        var (store, report) = await ImportFeedAsync(Feed);
        await using var _ = store;

        var problem = Assert.Single(report.Problems);
        Assert.EndsWith("5e2b6a44-6b3c-4d2a-9f1e-0a7c3b1d2e4f.json", problem.File, StringComparison.Ordinal);
        Assert.Equal(17, problem.Line);
        Assert.Equal("Attribute[5].value", problem.Field);
    }

    [Fact]
    public async Task Marks_each_indicator_with_the_strictest_tlp_of_its_attribute_and_event()
    {
        var (store, _) = await ImportFeedAsync(Feed);
        await using var __ = store;

        var indicators = await AllAsync(store);
        Assert.Equal(Tlp.Red, indicators.Single(i => i.Type == IndicatorType.Email).Tlp);
        Assert.All(indicators.Where(i => i.Type != IndicatorType.Email), i => Assert.Equal(Tlp.Amber, i.Tlp));
    }

    [Fact]
    public async Task Attributes_the_indicators_to_the_actor_of_the_galaxy_tag()
    {
        var (store, _) = await ImportFeedAsync(Feed);
        await using var __ = store;

        var strontium = Assert.Single(await store.Actors.FindByNameAsync("STRONTIUM", TestContext.Current.CancellationToken));
        Assert.All(await AllAsync(store), i => Assert.Equal(strontium.Id, i.ActorId));
    }

    [Fact]
    public async Task A_false_positive_sighting_lowers_confidence()
    {
        var (store, _) = await ImportFeedAsync(Feed);
        await using var __ = store;

        var indicators = await AllAsync(store);
        Assert.Equal(MispImporter.DefaultConfidence - MispImporter.FalsePositivePenalty, indicators.Single(i => i.Type == IndicatorType.Domain).Confidence);
        Assert.Equal(MispImporter.DefaultConfidence, indicators.Single(i => i.Type == IndicatorType.Ipv4).Confidence);
    }

    [Fact]
    public async Task Importing_the_feed_again_changes_nothing()
    {
        var (store, first) = await ImportFeedAsync(Feed);
        await using var _ = store;
        var problems = new List<MispProblem>();
        var again = await new MispImporter(store.Indicators, store.Actors).ImportAsync(MispFeed.Read(Feed, problems), "misp:example-cert", problems, IntelStore.Analyst, TestContext.Current.CancellationToken);

        Assert.Equal(4, first.Result!.Added);
        Assert.Equal((0, 0, 4), (again.Result!.Added, again.Result.Updated, again.Result.Unchanged));
    }

    [Fact]
    public async Task The_exported_feed_reads_back_without_the_red_indicator()
    {
        var (store, _) = await ImportFeedAsync(Feed);
        await using var __ = store;
        var folder = Path.Combine(Path.GetTempPath(), "rampart-misp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var gate = new MarkingGate(Tlp.Amber);
            // The fixture's events are years old, so decayed by now: decay is off here to test the markings alone
            // (LifecycleGateTests has a feed without decayed indicators).
            var live = new LifecycleGate(new IndicatorLifecycle(new DecaySettings { Enabled = false }), DateTimeOffset.UtcNow);
            var written = await MispFeedWriter.WriteAsync(folder, store.Indicators.StreamLiveAsync(DateTimeOffset.UtcNow, TestContext.Current.CancellationToken), gate, live, _ => "STRONTIUM", TestContext.Current.CancellationToken);

            var problems = new List<MispProblem>();
            var events = MispFeed.Read(folder, problems);
            Assert.Empty(problems);
            var read = Assert.Single(events);
            Assert.Equal(3, written);
            Assert.Equal(1, gate.RefusedTotal);
            Assert.Contains("misp-galaxy:threat-actor=\"STRONTIUM\"", read.Tags);
            Assert.DoesNotContain(read.Attributes, a => a.Value.Contains("security-alerts", StringComparison.Ordinal));
            var hashes = File.ReadAllLines(Path.Combine(folder, MispFeed.HashesFile));
            Assert.Equal(3, hashes.Length);
            Assert.All(hashes, h => Assert.EndsWith("," + read.Uuid, h, StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task An_allowlisted_brand_domain_in_a_feed_is_reported_not_indexed()
    {
        const string json = """
            {"Event": {"uuid": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "info": "noisy feed", "Attribute": [
              {"type": "domain", "to_ids": true, "value": "login.microsoftonline.com"},
              {"type": "ip-dst", "to_ids": true, "value": "192.168.1.10"},
              {"type": "url", "to_ids": true, "value": "https://outlook.com/"},
              {"type": "domain", "to_ids": true, "value": "microsoftonline-login.example"}
            ]}}
            """;
        await using var store = await IntelStore.CreateAsync();
        var problems = new List<MispProblem>();
        var events = new[] { MispEventReader.Read(Encoding.UTF8.GetBytes(json), "noisy.json", problems)! };
        var report = await new MispImporter(store.Indicators, store.Actors).ImportAsync(events, "misp:noisy", problems, IntelStore.Analyst, TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Warned);
        Assert.Equal(["Attribute[0].value", "Attribute[1].value", "Attribute[2].value"], report.Problems.Select(p => p.Field).ToArray());
        Assert.Contains("'brand's own domain' (microsoftonline.com, Microsoft)", report.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.Problems[0].Line);
        Assert.Equal("microsoftonline-login.example", Assert.Single(await AllAsync(store)).NormalizedValue);
    }

    [Fact]
    public void A_manifest_entry_without_its_event_file_is_reported()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-misp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, MispFeed.ManifestFile), """{"0b8c7f7e-1111-4222-8333-944455556666": {"info": "gone"}, "not-a-uuid": {}}""");
            var problems = new List<MispProblem>();
            Assert.Empty(MispFeed.Read(folder, problems));
            Assert.Equal(["not-a-uuid", "0b8c7f7e-1111-4222-8333-944455556666"], problems.Select(p => p.Field).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "a MISP event is a JSON object")]
    [InlineData("""{"Event": {"info": "x"}}""", "is missing")]
    [InlineData("{\"Event\": {\n\"uuid\": \"x\"}}", "'x' is not a UUID")]
    public void Refuses_an_event_file_with_one_located_problem(string json, string reason)
    {
        var problems = new List<MispProblem>();
        Assert.Null(MispEventReader.Read(Encoding.UTF8.GetBytes(json), "event.json", problems));
        Assert.Contains(reason, Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_throws_on_any_input_and_locates_every_problem_inside_the_file()
    {
        var valid = File.ReadAllText(Path.Combine(Feed, "5e2b6a44-6b3c-4d2a-9f1e-0a7c3b1d2e4f.json"));
        var lineCount = valid.Split('\n').Length;
        Gen.OneOf(
            Gen.Int[0, valid.Length].Select(n => valid[..n]),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Char["{}[]\":,01 tf\\"]).Select((i, c) => valid[..i] + c + valid[(i + 1)..]),
            Gen.String[Gen.Char["{}[]\":, EventuidAttributetypevalueto_ids0123456789-"], 0, 200]).Sample(text =>
        {
            var problems = new List<MispProblem>();
            var read = MispEventReader.Read(Encoding.UTF8.GetBytes(text), "event.json", problems);
            return (read is not null || problems.Count > 0)
                && problems.All(p => p.Line >= 0 && p.Line <= Math.Max(lineCount, text.Split('\n').Length) + 1);
        });
    }
}
