namespace Rampart.Core.Allowlists;

/// <summary>Which shipped lists the registry uses.</summary>
public sealed record AllowlistOptions
{
    /// <summary>The Majestic popularity allowlist (CC BY 3.0); off for a strict hunt.</summary>
    public bool Popularity { get; init; } = true;
}
