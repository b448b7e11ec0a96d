using Rampart.Core.Indicators;

namespace Rampart.Detection.Verdicts;

/// <summary>A verdict that explains itself: disposition, score, reasons and attribution.</summary>
/// <param name="Input">The value as it was asked about.</param>
/// <param name="Type">The detected type, or null when the input is invalid.</param>
/// <param name="Normalized">The normalized form that was matched (for URLs, the Safe Browsing canonical form).</param>
/// <param name="Score">0–100: the highest confidence among indicator matches, else the weights of the signals.</param>
/// <param name="Reasons">What a person can act on, each with its evidence.</param>
/// <param name="Revision">The store revision the answer was computed from.</param>
public sealed record Verdict(
    string Input,
    IndicatorType? Type,
    string? Normalized,
    Disposition Disposition,
    int Score,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<VerdictMatch> Matches,
    long Revision);
