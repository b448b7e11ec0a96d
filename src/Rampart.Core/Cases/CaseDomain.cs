namespace Rampart.Core.Cases;

/// <summary>One domain of a case: when and by whom it was added, and why (by hand, an actor's indicator, a pivot).</summary>
/// <param name="Domain">Lowercase ASCII (punycode) without a trailing dot.</param>
public sealed record CaseDomain(string CaseId, string Domain, DateTimeOffset AddedAt, string AddedBy, string Reason);
