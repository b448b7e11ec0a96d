namespace Rampart.Server.Detection;

/// <summary>Values to check: URLs, domains, IPs, e-mail addresses, hashes, defanged or not.</summary>
public sealed record VerdictsRequest(IReadOnlyList<string>? Values)
{
    /// <summary>Keeps one request's work bounded; callers with more send several.</summary>
    public const int MaxValues = 10_000;
}
