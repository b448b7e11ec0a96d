using Rampart.Core.Indicators;

namespace Rampart.Intel.Misp;

/// <summary>What a MISP import did: events and attributes read, what became indicators, what was left out and why.</summary>
/// <param name="NotIds">Attributes with <c>to_ids</c> false: context, not for blocking.</param>
/// <param name="Unmapped">Attributes of types Rampart does not enforce (filenames, registry keys, text…).</param>
/// <param name="Warned">Values on a warninglist: reported among the problems, not indexed.</param>
public sealed record MispImportReport(
    int Events,
    int Attributes,
    int Indicators,
    int NotIds,
    int Deleted,
    int Unmapped,
    int Warned,
    ImportResult? Result,
    IReadOnlyList<MispProblem> Problems)
{
    /// <summary>The report as the CLI's JSON output and the API answer it, one shape for both (snake_case names).</summary>
    public IReadOnlyDictionary<string, object?> Summary(string? path)
    {
        var summary = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (path is not null)
        {
            summary["path"] = path;
        }

        summary["events"] = Events;
        summary["attributes"] = Attributes;
        summary["indicators"] = Indicators;
        summary["not_ids"] = NotIds;
        summary["deleted"] = Deleted;
        summary["unmapped"] = Unmapped;
        summary["warned"] = Warned;
        summary["result"] = Result;
        summary["problems"] = Problems.Select(p => p.ToString()).ToArray();
        return summary;
    }
}
