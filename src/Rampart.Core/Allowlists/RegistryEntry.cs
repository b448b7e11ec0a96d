namespace Rampart.Core.Allowlists;

/// <summary>One domain the registry knows: its category and who owns or provides it.</summary>
public sealed record RegistryEntry(string Domain, DomainCategory Category, string Owner);
