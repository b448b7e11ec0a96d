using System.Text.Json;
using Rampart.Cases.Pivots;

namespace Rampart.Cases.Cases;

/// <summary>
/// The hits of <c>rampart hunt --format jsonl</c> read back so they can join a case: each hit's host,
/// with its level, score and the lookalike explanation as the reason it belongs. A line that is not a
/// hit is reported with its line and field, and the other lines are still read.
/// </summary>
public static class HuntResults
{
    public static IReadOnlyList<HuntCandidate> Read(string text, string file, out IReadOnlyList<PivotReadError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = new List<HuntCandidate>();
        var problems = new List<PivotReadError>();
        var name = Path.GetFileName(file);
        foreach (var (line, element, error) in JsonRecords.Read(text))
        {
            if (error is not null)
            {
                problems.Add(new PivotReadError(file, line, null, error));
                continue;
            }

            if (Text(element, "host") is not { } host || string.IsNullOrWhiteSpace(host))
            {
                problems.Add(new PivotReadError(file, line, "host", "missing: not a line of rampart hunt --format jsonl"));
                continue;
            }

            var level = Text(element, "level") ?? "hit";
            var score = element.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? " " + s.GetRawText() : "";
            var why = element.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array
                && findings.GetArrayLength() > 0 && findings[0].ValueKind == JsonValueKind.Object
                ? Text(findings[0], "reason")
                : null;
            hits.Add(new HuntCandidate(host.Trim(), $"hunt {name}:{line}: {level}{score}{(why is null ? "" : " — " + why)}", line));
        }

        errors = problems;
        return hits;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
