using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

public sealed class LoaderTests
{
    [Theory]
    [InlineData("title: t\nlogsource: {product: m365}\ndetection:\n    selection:\n        F|nosuch: x\n    condition: selection\n", 5, "unknown modifier 'nosuch'")]
    [InlineData("title: t\nlogsource: {product: m365}\ndetection:\n    selection:\n        F: x\n", 3, "'detection.condition' is mandatory")]
    [InlineData("title: t\ndetection:\n    selection:\n        F: x\n    condition: selection\n", 1, "'logsource' is mandatory")]
    [InlineData("logsource: {product: m365}\ndetection:\n    selection:\n        F: x\n    condition: selection\n", 1, "'title' is mandatory")]
    [InlineData("title: t\nlogsource: {product: m365}\ndetection:\n    selection:\n        F: [a, null]\n    condition: selection\n", 5, "null cannot be part of a list")]
    [InlineData("title: t\nlogsource: {product: m365}\ndetection:\n    selection:\n        F: x\n    timeframe: 5m\n    condition: selection | count() > 5\n", 6, "timeframe")]
    [InlineData("title: t\nlogsource: {product: m365}\ndetection:\n    selection:\n        F: 'x\n", 5, "YAML")]
    [InlineData("title: t\ncorrelation:\n    type: event_sum\n    rules: [a]\n    timespan: 1h\n", 3, "unknown correlation type 'event_sum'")]
    [InlineData("title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    timespan: 1h\n", 2, "needs a condition")]
    [InlineData("title: t\ncorrelation:\n    type: value_count\n    rules: [a]\n    timespan: 1h\n    condition:\n        gte: 2\n", 7, "needs 'condition.field'")]
    [InlineData("title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    timespan: 1 hour\n    condition: {gte: 2}\n", 5, "timespan '1 hour'")]
    [InlineData("title: t\ncorrelation:\n    type: temporal\n    rules: [a]\n    timespan: 1h\n", 4, "at least two rules")]
    [InlineData("title: t\nlogsource: {product: m365}\nfilter:\n    selection:\n        F: x\n    condition: selection\n", 3, "'filter' needs 'rules'")]
    [InlineData("just text\n", 1, "must be a mapping")]
    [InlineData("title: t\naction: sideways\n", 2, "unknown rule collection action")]
    public void A_document_that_cannot_load_is_reported_with_its_line_and_reason(string yaml, int line, string reason)
    {
        var loaded = SigmaLoader.LoadText(yaml, "bad.yml");

        var error = Assert.Single(loaded.Errors);
        Assert.Empty(loaded.Documents);
        Assert.Equal("bad.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F|all: x", "'all' on a single value")]
    [InlineData("F|base64: 'a*b'", "cannot encode a value with wildcards")]
    [InlineData("F|re: '(unclosed'", "invalid regular expression")]
    [InlineData("F|cidr: 'not-an-ip/8'", "is not an address/prefix")]
    [InlineData("F|cidr: '10.0.0.0/33'", "invalid prefix length")]
    [InlineData("F|gt: ten", "is not a number")]
    [InlineData("F|i: x", "belong to 're'")]
    [InlineData("F|exists: maybe", "'exists' stands alone")]
    [InlineData("F|contains: null", "null takes no modifiers")]
    [InlineData("F|re|base64: x", "'re' combines only")]
    [InlineData("F|contains|contains: x", "repeated")]
    public void A_modifier_the_engine_cannot_honour_is_a_compile_error_with_its_line(string selection, string reason)
    {
        var error = SingleError(Rule($"""
            selection:
                {selection}
            condition: selection
            """));

        Assert.Equal(8, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_load_from_one_file_and_a_bad_one_does_not_stop_the_others()
    {
        var loaded = SigmaLoader.LoadText("""
            title: one
            logsource: {product: m365}
            detection: {selection: {F: 1}, condition: selection}
            ---
            title: broken
            logsource: {product: m365}
            detection: {selection: {F: 1}, condition: nothing}
            ---
            title: three
            logsource: {product: m365}
            detection: {selection: {F: 1}, condition: selection}
            """, "multi.yml");

        Assert.Equal(["one", "three"], loaded.Documents.Select(d => d.Title));
        Assert.Equal(7, Assert.Single(loaded.Errors).Line);
    }

    [Fact]
    public void A_rule_collection_merges_its_global_document_into_each_rule()
    {
        var loaded = SigmaLoader.LoadText("""
            action: global
            title: collection
            logsource:
                product: m365
            detection:
                condition: selection
            ---
            logsource:
                service: exchange
            detection:
                selection:
                    Operation: A
            ---
            action: repeat
            detection:
                selection:
                    Operation: B
            ---
            action: reset
            ---
            title: standalone
            logsource: {product: azure}
            detection: {selection: {F: 1}, condition: selection}
            """, "collection.yml");

        Assert.Empty(loaded.Errors);
        var rules = loaded.Rules.ToList();
        Assert.Equal(3, rules.Count);
        Assert.Equal(new SigmaLogSource("m365", "exchange", null), rules[0].LogSource);
        Assert.Equal(new SigmaLogSource("m365", "exchange", null), rules[1].LogSource);
        Assert.Equal("B", rules[1].Detection.Searches[0].Alternatives[0][0].Values[0].Text);
        Assert.Equal("standalone", rules[2].Title);
    }

    [Fact]
    public void A_filter_joins_its_condition_to_the_rules_it_names()
    {
        var set = Compile(Rule("""
            selection:
                Operation: Set-Mailbox
            condition: selection
            """, id: "6f3e2987-db24-4c78-a860-b4f4095a7095") + """

            ---
            title: not the admin accounts
            logsource:
                product: m365
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095
                selection:
                    UserId|startswith: 'adm_'
                condition: not selection
            """);

        Assert.True(Matches(set, """{"Operation":"Set-Mailbox","UserId":"bob"}"""));
        Assert.False(Matches(set, """{"Operation":"Set-Mailbox","UserId":"adm_bob"}"""));
    }

    [Fact]
    public void A_filter_for_another_log_source_leaves_the_rule_alone()
    {
        var set = Compile(Rule("""
            selection:
                Operation: Set-Mailbox
            condition: selection
            """, id: "6f3e2987-db24-4c78-a860-b4f4095a7095") + """

            ---
            title: windows only
            logsource:
                product: windows
            filter:
                rules: any
                selection:
                    UserId|startswith: 'adm_'
                condition: not selection
            """);

        Assert.True(Matches(set, """{"Operation":"Set-Mailbox","UserId":"adm_bob"}"""));
    }

    [Fact]
    public void Loading_a_directory_reads_every_yml_file_and_names_the_file_in_errors()
    {
        var directory = Directory.CreateTempSubdirectory("sigma-load-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "good.yml"), "title: g\nlogsource: {product: m365}\ndetection: {s: {F: 1}, condition: s}\n");
            File.WriteAllText(Path.Combine(directory.FullName, "bad.yaml"), "title: b\nlogsource: {product: m365}\ndetection: {s: {F: 1}}\n");
            File.WriteAllText(Path.Combine(directory.FullName, "notes.txt"), "not a rule");

            var loaded = SigmaLoader.LoadDirectory(directory.FullName);

            Assert.Equal("g", Assert.Single(loaded.Documents).Title);
            Assert.EndsWith("bad.yaml", Assert.Single(loaded.Errors).File, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
