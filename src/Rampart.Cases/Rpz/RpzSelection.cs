namespace Rampart.Cases.Rpz;

/// <summary>
/// What an RPZ export publishes: named cases (each must be seized or sinkholed), every seized or
/// sinkholed case, and/or an explicitly chosen indicator set (live domain indicators of an actor or
/// a source). Draft, filed, granted and released cases are never published.
/// </summary>
public sealed record RpzSelection(
    IReadOnlyList<string> CaseIds,
    bool AllPublishableCases,
    string? IndicatorActorId = null,
    string? IndicatorSource = null,
    bool AllIndicators = false)
{
    public bool UsesIndicators => AllIndicators || IndicatorActorId is not null || IndicatorSource is not null;

    /// <summary>Nothing named: every seized or sinkholed case.</summary>
    public static RpzSelection Default { get; } = new([], AllPublishableCases: true);
}
