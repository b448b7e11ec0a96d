namespace Rampart.Cases.Sinkhole;

/// <summary>A node cannot know which domains to answer for: the store is unreachable and no zone cache was ever written.</summary>
public sealed class SinkholeZonesUnavailableException(string message, Exception inner) : Exception(message, inner);
