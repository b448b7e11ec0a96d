namespace Rampart.Intel.Lists;

/// <summary>A list read in full: its valid rows and an error for each invalid one, both in line order.</summary>
public sealed record IndicatorListReadResult(IReadOnlyList<IndicatorListEntry> Entries, IReadOnlyList<IndicatorListError> Errors);
