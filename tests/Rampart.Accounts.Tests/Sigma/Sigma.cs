using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

/// <summary>Test helpers: load YAML text, compile it, and run events (JSON text) through it.</summary>
internal static class Sigma
{
    public static readonly SigmaLogSource M365 = new("m365", "exchange", null);

    public static SigmaRuleSet Compile(string yaml, SigmaCompileOptions? options = null)
    {
        var loaded = SigmaLoader.LoadText(yaml, "test.yml");
        Assert.Empty(loaded.Errors);
        var set = SigmaRuleSet.Compile(loaded.Documents, options);
        Assert.Empty(set.Errors);
        return set;
    }

    /// <summary>A rule over m365/exchange events with the given detection (indented YAML under 'detection:').</summary>
    public static string Rule(string detection, string title = "test rule", string? id = null) => $"""
        title: {title}
        {(id is null ? "" : "id: " + id)}
        logsource:
            product: m365
            service: exchange
        detection:
        {Indent(detection)}
        """;

    public static bool Matches(SigmaRuleSet set, string json, SigmaLogSource? source = null) => Run(set, json, source).Count > 0;

    public static List<SigmaMatch> Run(SigmaRuleSet set, string json, SigmaLogSource? source = null, SigmaEvaluator? evaluator = null, DateTimeOffset? time = null)
    {
        using var document = JsonDocument.Parse(json);
        var matches = new List<SigmaMatch>();
        (evaluator ?? set.CreateEvaluator()).Evaluate(source ?? M365, document.RootElement, time ?? DateTimeOffset.UnixEpoch, matches);
        return matches;
    }

    public static SigmaLoadError SingleError(string yaml)
    {
        var loaded = SigmaLoader.LoadText(yaml, "bad.yml");
        var errors = loaded.Errors.Concat(SigmaRuleSet.Compile(loaded.Documents).Errors).ToList();
        return Assert.Single(errors);
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => "    " + l));
}
