using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

public sealed class CorrelationTests
{
    private const string BaseRules = """
        title: failed login
        name: failed_login
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                Result: failed
            condition: selection
        ---
        title: successful login
        name: successful_login
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                Result: success
            condition: selection
        ---
        title: download
        name: download
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                Operation: FileDownloaded
            condition: selection
        """;

    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Correlation(string body) => BaseRules + "\n---\ntitle: the correlation\nname: corr\ncorrelation:\n" + string.Join('\n', body.Split('\n').Select(l => "    " + l));

    /// <summary>Feeds (seconds after T0, event) in order and returns the correlation's matches.</summary>
    private static List<SigmaMatch> Feed(string yaml, params (int Seconds, string Json)[] events)
    {
        var set = Compile(yaml);
        var evaluator = set.CreateEvaluator();
        var all = new List<SigmaMatch>();
        foreach (var (seconds, json) in events)
        {
            all.AddRange(Run(set, json, evaluator: evaluator, time: T0.AddSeconds(seconds)));
        }

        return [.. all.Where(m => m.Rule is SigmaCorrelationRule)];
    }

    private const string EventCount = """
        type: event_count
        rules: [failed_login]
        group-by: [User]
        timespan: 10m
        condition:
            gte: 3
        """;

    [Fact]
    public void Event_count_fires_when_enough_events_of_one_group_fall_in_the_window()
    {
        var matches = Feed(Correlation(EventCount),
            (0, """{"Result":"failed","User":"alice"}"""),
            (60, """{"Result":"failed","User":"bob"}"""),
            (120, """{"Result":"failed","User":"alice"}"""),
            (180, """{"Result":"failed","User":"alice"}"""));

        var match = Assert.Single(matches);
        Assert.Equal("User=alice", match.GroupKey);
        Assert.Equal(T0.AddSeconds(180), match.Timestamp);
    }

    [Fact]
    public void Event_count_does_not_fire_when_the_events_are_spread_beyond_the_window()
    {
        var matches = Feed(Correlation(EventCount),
            (0, """{"Result":"failed","User":"alice"}"""),
            (400, """{"Result":"failed","User":"alice"}"""),
            (700, """{"Result":"failed","User":"alice"}"""));

        Assert.Empty(matches);
    }

    private const string ValueCount = """
        type: value_count
        rules: [failed_login]
        group-by: [ClientIP]
        timespan: 1h
        condition:
            field: User
            gte: 3
        """;

    [Fact]
    public void Value_count_fires_on_enough_distinct_values()
    {
        var matches = Feed(Correlation(ValueCount),
            (0, """{"Result":"failed","User":"a","ClientIP":"1.2.3.4"}"""),
            (1, """{"Result":"failed","User":"b","ClientIP":"1.2.3.4"}"""),
            (2, """{"Result":"failed","User":"c","ClientIP":"1.2.3.4"}"""));

        Assert.Equal("ClientIP=1.2.3.4", Assert.Single(matches).GroupKey);
    }

    [Fact]
    public void Value_count_does_not_count_a_repeated_value_twice()
    {
        var matches = Feed(Correlation(ValueCount),
            (0, """{"Result":"failed","User":"a","ClientIP":"1.2.3.4"}"""),
            (1, """{"Result":"failed","User":"A","ClientIP":"1.2.3.4"}"""),
            (2, """{"Result":"failed","User":"b","ClientIP":"1.2.3.4"}"""));

        Assert.Empty(matches);
    }

    private const string Temporal = """
        type: temporal
        rules: [successful_login, download]
        group-by: [User]
        timespan: 5m
        """;

    [Fact]
    public void Temporal_fires_when_every_rule_matched_in_the_window_in_any_order()
    {
        var matches = Feed(Correlation(Temporal),
            (0, """{"Operation":"FileDownloaded","User":"alice"}"""),
            (60, """{"Result":"success","User":"alice"}"""));

        Assert.Single(matches);
    }

    [Fact]
    public void Temporal_does_not_fire_across_groups_or_beyond_the_window()
    {
        var matches = Feed(Correlation(Temporal),
            (0, """{"Operation":"FileDownloaded","User":"alice"}"""),
            (60, """{"Result":"success","User":"bob"}"""),
            (400, """{"Result":"success","User":"alice"}"""));

        Assert.Empty(matches);
    }

    private const string TemporalOrdered = """
        type: temporal_ordered
        rules: [failed_login, successful_login]
        group-by: [User]
        timespan: 5m
        """;

    [Fact]
    public void Temporal_ordered_fires_when_the_rules_match_in_order()
    {
        var matches = Feed(Correlation(TemporalOrdered),
            (0, """{"Result":"failed","User":"alice"}"""),
            (30, """{"Result":"success","User":"alice"}"""));

        Assert.Single(matches);
    }

    [Fact]
    public void Temporal_ordered_does_not_fire_out_of_order()
    {
        var matches = Feed(Correlation(TemporalOrdered),
            (0, """{"Result":"success","User":"alice"}"""),
            (30, """{"Result":"failed","User":"alice"}"""));

        Assert.Empty(matches);
    }

    private const string ValueSum = """
        type: value_sum
        rules: [download]
        group-by: [User]
        timespan: 1h
        condition:
            field: Bytes
            gt: 1000
        """;

    [Fact]
    public void Value_sum_fires_when_the_sum_passes_the_threshold()
    {
        var matches = Feed(Correlation(ValueSum),
            (0, """{"Operation":"FileDownloaded","User":"alice","Bytes":600}"""),
            (1, """{"Operation":"FileDownloaded","User":"alice","Bytes":"500"}"""));

        Assert.Single(matches);
    }

    [Fact]
    public void Value_sum_does_not_fire_below_the_threshold()
    {
        var matches = Feed(Correlation(ValueSum),
            (0, """{"Operation":"FileDownloaded","User":"alice","Bytes":600}"""),
            (1, """{"Operation":"FileDownloaded","User":"bob","Bytes":500}"""));

        Assert.Empty(matches);
    }

    private const string ValueAvg = """
        type: value_avg
        rules: [download]
        group-by: [User]
        timespan: 1h
        condition:
            field: Bytes
            gt: 500
        """;

    [Fact]
    public void Value_avg_fires_when_the_average_passes_the_threshold()
    {
        var matches = Feed(Correlation(ValueAvg), (0, """{"Operation":"FileDownloaded","User":"alice","Bytes":900}"""));

        Assert.Single(matches);
    }

    [Fact]
    public void Value_avg_does_not_fire_when_the_average_stays_below()
    {
        var matches = Feed(Correlation(ValueAvg),
            (0, """{"Operation":"FileDownloaded","User":"alice","Bytes":100}"""),
            (1, """{"Operation":"FileDownloaded","User":"alice","Bytes":800}"""));

        Assert.Empty(matches);
    }

    private const string ValuePercentile = """
        type: value_percentile
        rules: [download]
        group-by: [User]
        timespan: 1d
        condition:
            field: Country
            lte: 25
        """;

    [Fact]
    public void Value_percentile_fires_on_a_rare_value_of_the_group()
    {
        var events = Enumerable.Range(0, 4).Select(i => (i, """{"Operation":"FileDownloaded","User":"alice","Country":"NL"}"""))
            .Append((10, """{"Operation":"FileDownloaded","User":"alice","Country":"KP"}""")).ToArray();

        var matches = Feed(Correlation(ValuePercentile), events);

        Assert.Equal(T0.AddSeconds(10), Assert.Single(matches).Timestamp);
    }

    [Fact]
    public void Value_percentile_does_not_fire_on_a_common_value()
    {
        var events = Enumerable.Range(1, 4).Select(i => (i, """{"Operation":"FileDownloaded","User":"alice","Country":"NL"}"""))
            .Prepend((0, """{"Operation":"FileDownloaded","User":"alice","Country":"KP"}""")).ToArray();

        Assert.Empty(Feed(Correlation(ValuePercentile), events));
    }

    [Fact]
    public void Rules_used_by_a_correlation_do_not_report_on_their_own_unless_it_says_generate()
    {
        var quiet = Compile(Correlation(EventCount));
        var loud = Compile(Correlation(EventCount + "\ngenerate: true"));

        Assert.Empty(Run(quiet, """{"Result":"failed","User":"alice"}"""));
        Assert.Single(Run(loud, """{"Result":"failed","User":"alice"}"""));
    }

    [Fact]
    public void Correlations_chain_and_aliases_map_group_by_fields_per_rule()
    {
        var yaml = BaseRules + """

            ---
            title: many failures
            name: many_failures
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User]
                timespan: 10m
                condition:
                    gte: 2
            ---
            title: failures then a download by the same person
            correlation:
                type: temporal_ordered
                rules: [many_failures, download]
                group-by: [person]
                timespan: 10m
                aliases:
                    person:
                        many_failures: User
                        download: Actor
            """;

        var matches = Feed(yaml,
            (0, """{"Result":"failed","User":"alice"}"""),
            (1, """{"Result":"failed","User":"alice"}"""),
            (2, """{"Operation":"FileDownloaded","Actor":"alice"}"""));

        var match = Assert.Single(matches);
        Assert.Equal("failures then a download by the same person", match.Rule.Title);
        Assert.Equal("person=alice", match.GroupKey);
    }

    [Fact]
    public void Correlation_state_is_bounded_in_groups()
    {
        var options = new SigmaCompileOptions { MaxCorrelationGroups = 10 };
        var loaded = SigmaLoader.LoadText(Correlation(EventCount), "c.yml");
        var set = SigmaRuleSet.Compile(loaded.Documents, options);
        var evaluator = set.CreateEvaluator();

        for (var i = 0; i < 100; i++)
        {
            Run(set, $$"""{"Result":"failed","User":"user{{i}}"}""", evaluator: evaluator, time: T0);
        }

        Assert.Equal(10, evaluator.CorrelationGroups);
    }

    [Fact]
    public void Replaying_the_same_events_after_a_reset_rebuilds_the_same_state()
    {
        var set = Compile(Correlation(EventCount));
        var evaluator = set.CreateEvaluator();
        var events = new[] { 0, 10, 20 }.Select(s => (s, """{"Result":"failed","User":"alice"}""")).ToArray();
        List<SigmaMatch> Replay() => [.. events.SelectMany(e => Run(set, e.Item2, evaluator: evaluator, time: T0.AddSeconds(e.s)))];

        var first = Replay();
        evaluator.ResetCorrelations();
        var second = Replay();

        Assert.Equal(first, second);
        Assert.Single(first);
    }

    [Fact]
    public void A_correlation_referencing_an_unknown_rule_is_a_compile_error()
    {
        var error = SingleError(Correlation(EventCount.Replace("failed_login", "nope", StringComparison.Ordinal)));

        Assert.Contains("references 'nope'", error.Reason, StringComparison.Ordinal);
    }
}
