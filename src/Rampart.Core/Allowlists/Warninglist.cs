namespace Rampart.Core.Allowlists;

/// <summary>
/// The registry's lists in the shape of a MISP warninglist (name, description, type, values), so the
/// intel exchange can flag or drop imported indicators that hit them.
/// </summary>
public sealed record Warninglist(string Name, string Description, string Type, DomainCategory Category, IReadOnlyList<string> Values);
