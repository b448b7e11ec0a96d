namespace Rampart.Intel.Lists;

/// <summary>A row given as fields rather than text (an API batch item); <see cref="Type"/> null means detect it.</summary>
public sealed record IndicatorListRow(
    string Value,
    string? Type = null,
    string? Actor = null,
    string? Source = null,
    int? Confidence = null,
    DateTimeOffset? ValidUntil = null);
