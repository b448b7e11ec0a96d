namespace Rampart.Core.Indicators;

/// <param name="Next">The <c>after</c> value for the next page, or null on the last page.</param>
public sealed record IndicatorPage(IReadOnlyList<Indicator> Items, string? Next);
