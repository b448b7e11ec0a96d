using System.Diagnostics;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// The gate over all SigmaHQ rules in ../shared/data/sigma/rules: how many load, compile and run
/// over events, and every rule that does not, with its reason. Also loads the specification's own
/// example rules (tests/schema), every correlation example included.
/// </summary>
internal static class SigmaHqGate
{
    public static int Run(string? directory)
    {
        directory ??= SharedData.Find(Path.Combine("sigma", "rules"));
        if (directory is null)
        {
            Console.WriteLine("skipped: ../shared absent");
            return 0;
        }

        var files = Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories).Count();
        var clock = Stopwatch.StartNew();
        var loaded = SigmaLoader.LoadDirectory(directory);
        var loadTime = clock.Elapsed;
        clock.Restart();
        var set = SigmaRuleSet.Compile(loaded.Documents);
        var compileTime = clock.Elapsed;

        var (ran, failures, matched) = RunAll(set);
        var documents = loaded.Documents.Count + loaded.Errors.Count;
        Console.WriteLine($"SigmaHQ rules: {directory}");
        Console.WriteLine($"  files:    {files}");
        Console.WriteLine($"  loaded:   {loaded.Documents.Count} of {documents} documents ({loaded.Rules.Count()} rules, {loaded.Correlations.Count()} correlations, {loaded.Filters.Count()} filters) in {loadTime.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  compiled: {set.Count} rules, {set.Correlations.Count()} correlations in {compileTime.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  ran:      {ran} rules over their own synthesized events without error; {matched} matched the event built from their first selection");
        var total = documents;
        var good = ran + set.Correlations.Count();
        Console.WriteLine($"  compile and run: {good} of {total} = {100.0 * good / Math.Max(1, total):F2}%");
        foreach (var error in loaded.Errors.Concat(set.Errors))
        {
            Console.WriteLine($"  not loaded: {Relative(directory, error)}");
        }

        foreach (var failure in failures)
        {
            Console.WriteLine($"  failed to run: {failure}");
        }

        return SpecExamples();
    }

    private static (int Ran, List<string> Failures, int Matched) RunAll(SigmaRuleSet set)
    {
        var evaluator = set.CreateEvaluator();
        var matches = new List<SigmaMatch>();
        var failures = new List<string>();
        var ran = 0;
        var matched = 0;
        foreach (var rule in set.Rules)
        {
            try
            {
                using var document = JsonDocument.Parse(SyntheticEvent.For(rule));
                matches.Clear();
                evaluator.Evaluate(rule.LogSource, document.RootElement, DateTimeOffset.UnixEpoch, matches);
                ran++;
                if (matches.Exists(m => ReferenceEquals(m.Rule, rule)))
                {
                    matched++;
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{rule.File}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return (ran, failures, matched);
    }

    private static int SpecExamples()
    {
        var directory = SharedData.Find(Path.Combine("sigma", "specification", "tests", "schema"));
        if (directory is null)
        {
            Console.WriteLine("specification examples: skipped: ../shared absent");
            return 0;
        }

        var loaded = SigmaLoader.LoadDirectory(directory);
        Console.WriteLine($"specification examples: {loaded.Documents.Count} loaded ({loaded.Rules.Count()} rules, {loaded.Correlations.Count()} correlations: {string.Join(", ", loaded.Correlations.Select(c => c.Type))}; {loaded.Filters.Count()} filters), {loaded.Errors.Count} errors");
        foreach (var error in loaded.Errors)
        {
            Console.WriteLine($"  not loaded: {error}");
        }

        return loaded.Errors.Count == 0 ? 0 : 1;
    }

    private static string Relative(string directory, SigmaLoadError error) =>
        error with { File = Path.GetRelativePath(directory, error.File) } is var e ? e.ToString() : "";
}
