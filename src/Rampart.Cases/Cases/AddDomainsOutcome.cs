namespace Rampart.Cases.Cases;

/// <summary>The domains that were new to the case, or the inputs refused (then nothing was added).</summary>
public sealed record AddDomainsOutcome(IReadOnlyList<string> Added, IReadOnlyList<string> Errors);
