namespace Rampart.Server.Intel;

/// <summary>One indicator in an API request; empty fields take the request's defaults.</summary>
public sealed record IndicatorInput(string? Value, string? Type, string? Actor, string? Source, int? Confidence, DateTimeOffset? ValidUntil);
