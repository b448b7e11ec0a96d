namespace Rampart.Intel.Stix.Patterns;

/// <summary>A pattern is a tree of observations joined by AND, OR and FOLLOWEDBY.</summary>
public abstract record ObservationNode;
