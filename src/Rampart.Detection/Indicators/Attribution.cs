using Rampart.Core.Indicators;

namespace Rampart.Detection.Indicators;

/// <summary>
/// What an index entry says about who reported it, shared by every entry with the same values: a
/// feed of a million domains from one source with one actor and one confidence is one attribution.
/// </summary>
public sealed record Attribution(IndicatorType Type, int Confidence, string Source, string? ActorId, string? ActorName);
