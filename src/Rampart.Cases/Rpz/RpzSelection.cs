using Rampart.Core.Markings;

namespace Rampart.Cases.Rpz;

/// <summary>
/// What an RPZ export publishes: named cases (each must be seized or sinkholed), every seized or
/// sinkholed case, and/or an explicitly chosen indicator set (live domain indicators of an actor or
/// a source). Draft, filed, granted and released cases are never published.
/// </summary>
/// <param name="IndicatorTlpMax">
/// The most restricted TLP level an indicator of the set may carry into the zone (the file exports'
/// GREEN unless the reader's ceiling or <c>--tlp-max</c> says otherwise); RED never goes in. Case
/// domains are not intel shared under TLP: a court-ordered seizure is public, and a person chose to publish it.
/// </param>
public sealed record RpzSelection(
    IReadOnlyList<string> CaseIds,
    bool AllPublishableCases,
    string? IndicatorActorId = null,
    string? IndicatorSource = null,
    bool AllIndicators = false,
    Tlp IndicatorTlpMax = TlpLevels.DefaultExportMaximum)
{
    public bool UsesIndicators => AllIndicators || IndicatorActorId is not null || IndicatorSource is not null;

    /// <summary>Nothing named: every seized or sinkholed case.</summary>
    public static RpzSelection Default { get; } = new([], AllPublishableCases: true);
}
