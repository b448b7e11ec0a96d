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
    IReadOnlyList<MispProblem> Problems);
