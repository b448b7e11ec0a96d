using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Stix;

namespace Rampart.Intel.Tests.Stix;

public sealed class StixRoundTripTests
{
    public static TheoryData<string> Examples() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Stix", "Fixtures", "examples"), "*.json").Select(Path.GetFileName).Order()!);

    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Stix", "Fixtures", "examples", name));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_OASIS_example_imports_and_exports_again_without_losing_an_object_or_a_property(string file)
    {
        await using var store = await IntelStore.CreateAsync();
        var original = Example(file);
        var report = await store.ImportAsync(original, file);
        Assert.DoesNotContain(report.Problems, p => p.Skipped);

        var (exported, _) = await store.ExportAsync();
        var exportedById = JsonNode.Parse(exported)!["objects"]!.AsArray().ToDictionary(o => (string)o!["id"]!, o => o!);
        foreach (var item in JsonNode.Parse(original)!["objects"]!.AsArray())
        {
            var id = (string)item!["id"]!;
            Assert.True(exportedById.TryGetValue(id, out var back), $"{id} was lost");
            Assert.True(JsonNode.DeepEquals(item, back), $"{id} changed:\n{item}\n{back}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_exported_bundle_validates_against_the_OASIS_schemas(string file)
    {
        await using var store = await IntelStore.CreateAsync();
        await store.ImportAsync(Example(file), file);
        await store.Indicators.ImportAsync(
            [
                new NewIndicator(IndicatorValueParser.Parse("login.thallium-lure.example"), "dcu", 90, Tlp: Tlp.Green),
                new NewIndicator(IndicatorValueParser.Parse("203.0.113.0/24"), "dcu", Tlp: Tlp.Clear),
                new NewIndicator(IndicatorValueParser.Parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "dcu"),
            ],
            IntelStore.Analyst,
            TestContext.Current.CancellationToken);

        var (exported, report) = await store.ExportAsync();
        var errors = StixSchemas.Validate(exported);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.True(report.Objects > 3);
    }

    [Fact]
    public async Task Reimporting_the_same_bundle_writes_nothing()
    {
        await using var store = await IntelStore.CreateAsync();
        var bundle = Example("poisonivy.json");
        var first = await store.ImportAsync(bundle);
        var revision = await store.Revision.CurrentAsync(TestContext.Current.CancellationToken);

        var again = await store.ImportAsync(bundle);

        Assert.True(first.Counts.Added > 100);
        Assert.True(again.WroteNothing);
        Assert.Equal(first.Counts.Added, again.Counts.Unchanged);
        Assert.Equal(revision, await store.Revision.CurrentAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_bad_pattern_a_dangling_reference_and_a_wrong_spec_version_are_reported_by_id_and_the_rest_imports()
    {
        await using var store = await IntelStore.CreateAsync();
        var bundle = Bundle(
            Indicator("11111111-1111-4111-8111-111111111111", "[domain-name:value = 'good.example']"),
            Indicator("22222222-2222-4222-8222-222222222222", "[domain-name:value = 'broken.example'"),
            Indicator("33333333-3333-4333-8333-333333333333", "[domain-name:value = 'old.example']", specVersion: "2.0"),
            """{"type":"relationship","spec_version":"2.1","id":"relationship--44444444-4444-4444-8444-444444444444","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","relationship_type":"indicates","source_ref":"indicator--11111111-1111-4111-8111-111111111111","target_ref":"intrusion-set--55555555-5555-4555-8555-555555555555"}""",
            "42");

        var report = await store.ImportAsync(bundle, "mixed.json");

        Assert.Equal(2, report.Counts.Added);
        Assert.Equal(1, report.Counts.IndicatorsAdded);
        Assert.Collection(report.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal),
            p => Assert.StartsWith("mixed.json: indicator--22222222-2222-4222-8222-222222222222: pattern: column 38: expected ']'", p, StringComparison.Ordinal),
            p => Assert.Equal("mixed.json: indicator--33333333-3333-4333-8333-333333333333: spec_version: '2.0' is not 2.1 (skipped)", p),
            p => Assert.Equal("mixed.json: objects[4]: an object in a bundle must be a JSON object, not Number (skipped)", p),
            p => Assert.Equal("mixed.json: relationship--44444444-4444-4444-8444-444444444444: target_ref: refers to intrusion-set--55555555-5555-4555-8555-555555555555, which is neither in the bundle nor in the store", p));
    }

    /// <summary>Values System.Text.Json will not read as asked ended the whole import (the process, from the CLI) before.</summary>
    [Fact]
    public async Task A_confidence_that_is_not_a_number_or_an_escaped_lone_surrogate_costs_one_object_not_the_import()
    {
        await using var store = await IntelStore.CreateAsync();
        var stringConfidence = Indicator("11111111-1111-4111-8111-111111111111", "[domain-name:value = 'confidence-as-text.example']")
            .Replace("\"pattern_type\"", "\"confidence\":\"80\",\"pattern_type\"", StringComparison.Ordinal);
        var loneSurrogate = Indicator("22222222-2222-4222-8222-222222222222", "[domain-name:value = 'surrogate.example']")
            .Replace("\"type\":\"indicator\"", "\"type\":\"indicator\\ud800\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", loneSurrogate, StringComparison.Ordinal);

        var report = await store.ImportAsync(Bundle(
            stringConfidence,
            loneSurrogate,
            Indicator("33333333-3333-4333-8333-333333333333", "[domain-name:value = 'fine.example']")));

        Assert.Equal(2, report.Counts.Added);
        var problem = Assert.Single(report.Problems);
        Assert.True(problem.Skipped);
        Assert.Equal(1, problem.Index);
        var values = (await store.Indicators.ListAsync(new Core.Indicators.IndicatorQuery(), TestContext.Current.CancellationToken)).Items;
        Assert.Equal(["confidence-as-text.example", "fine.example"], values.Select(i => i.Value).Order());
        Assert.All(values, i => Assert.Equal(Core.Indicators.NewIndicator.DefaultConfidence, i.Confidence));
    }

    [Fact]
    public async Task An_allowlisted_brand_domain_or_a_private_address_in_a_bundle_is_reported_by_id_and_not_indexed()
    {
        await using var store = await IntelStore.CreateAsync();
        var bundle = Bundle(
            Indicator("11111111-1111-4111-8111-111111111111", "[domain-name:value = 'login.microsoftonline.com' OR domain-name:value = 'microsoftonline-login.example']"),
            Indicator("22222222-2222-4222-8222-222222222222", "[ipv4-addr:value = '192.168.1.10']"));

        var report = await store.ImportAsync(bundle, "noisy.json");

        Assert.Equal(2, report.Warned);
        Assert.Equal(2, report.Counts.Added);
        Assert.Equal(1, report.Counts.IndicatorsAdded);
        Assert.Collection(report.Problems.Select(p => p.ToString()),
            p => Assert.StartsWith("noisy.json: indicator--11111111-1111-4111-8111-111111111111: pattern: 'login.microsoftonline.com' is on the warninglist 'brand's own domain' (microsoftonline.com, Microsoft)", p, StringComparison.Ordinal),
            p => Assert.StartsWith("noisy.json: indicator--22222222-2222-4222-8222-222222222222: pattern: '192.168.1.10' is on the warninglist 'private and reserved addresses'", p, StringComparison.Ordinal));
        Assert.All(report.Problems, p => Assert.False(p.Skipped));
        var indicators = await store.Indicators.ListAsync(new IndicatorQuery(), TestContext.Current.CancellationToken);
        Assert.Equal("microsoftonline-login.example", Assert.Single(indicators.Items).NormalizedValue);

        // The objects are kept whole: an export gives the pattern back as it came.
        var (exported, _) = await store.ExportAsync();
        Assert.Contains("login.microsoftonline.com", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_older_and_a_revoked_one_revokes_its_indicators()
    {
        await using var store = await IntelStore.CreateAsync();
        const string Id = "11111111-1111-4111-8111-111111111111";
        await store.ImportAsync(Bundle(Indicator(Id, "[domain-name:value = 'v1.example']", modified: "2024-02-01T00:00:00.000Z")));
        var older = await store.ImportAsync(Bundle(Indicator(Id, "[domain-name:value = 'v0.example']", modified: "2024-01-15T00:00:00.000Z")));
        Assert.Equal((1, 0), (older.Counts.Added, older.Counts.IndicatorsAdded));

        await store.ImportAsync(Bundle(Indicator(Id, "[domain-name:value = 'v1.example']", modified: "2024-03-01T00:00:00.000Z", revoked: true)));

        var (exported, _) = await store.ExportAsync();
        var only = Assert.Single(JsonNode.Parse(exported)!["objects"]!.AsArray());
        Assert.Equal("2024-03-01T00:00:00.000Z", (string)only!["modified"]!);
        var indicators = await store.Indicators.ListAsync(new IndicatorQuery(IncludeRevoked: true), TestContext.Current.CancellationToken);
        Assert.True(Assert.Single(indicators.Items).Revoked);
    }

    [Fact]
    public async Task Tlp_red_never_leaves_and_each_refusal_is_counted()
    {
        await using var store = await IntelStore.CreateAsync();
        var campaign = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Stix", "Fixtures", "interop-objectmarking-test.json"));
        await store.ImportAsync(Bundle(
            campaign,
            Indicator("11111111-1111-4111-8111-111111111111", "[domain-name:value = 'amber.example']", marking: Tlp.Amber.ToStixMarkingId()),
            Indicator("22222222-2222-4222-8222-222222222222", "[domain-name:value = 'green.example']", marking: "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da")));
        await store.Indicators.ImportAsync([new NewIndicator(IndicatorValueParser.Parse("red.example"), "list", Tlp: Tlp.Red)], IntelStore.Analyst, TestContext.Current.CancellationToken);

        var (atGreen, greenReport) = await store.ExportAsync(new StixExportRequest());
        var (atRed, redReport) = await store.ExportAsync(new StixExportRequest(Maximum: Tlp.Red));

        Assert.DoesNotContain("red.example", atRed, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign--", atRed, StringComparison.Ordinal);
        Assert.DoesNotContain("amber.example", atGreen, StringComparison.Ordinal);
        Assert.Contains("green.example", atGreen, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["amber"] = 1, ["red"] = 2 }, greenReport.Gate.Refused);
        Assert.Equal(new Dictionary<string, int> { ["red"] = 2 }, redReport.Gate.Refused);
    }

    internal static string Bundle(params string[] objects) =>
        $$"""{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[{{string.Join(",", objects)}}]}""";

    internal static string Indicator(string uuid, string pattern, string specVersion = "2.1", string modified = "2024-01-01T00:00:00.000Z", bool revoked = false, string? marking = null)
    {
        var node = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = specVersion,
            ["id"] = "indicator--" + uuid,
            ["created"] = "2024-01-01T00:00:00.000Z",
            ["modified"] = modified,
            ["pattern"] = pattern,
            ["pattern_type"] = "stix",
            ["valid_from"] = "2024-01-01T00:00:00Z",
        };
        if (revoked)
        {
            node["revoked"] = true;
        }

        if (marking is not null)
        {
            node["object_marking_refs"] = new JsonArray(marking);
        }

        return node.ToJsonString();
    }
}
