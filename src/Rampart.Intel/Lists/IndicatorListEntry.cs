using Rampart.Core.Indicators;

namespace Rampart.Intel.Lists;

/// <summary>One valid row of a list: its parsed value and the per-row fields a CSV may give (null when absent).</summary>
/// <param name="Line">1-based line where the row starts.</param>
public sealed record IndicatorListEntry(
    int Line,
    IndicatorValue Value,
    string? Actor = null,
    string? Source = null,
    int? Confidence = null,
    DateTimeOffset? ValidUntil = null);
