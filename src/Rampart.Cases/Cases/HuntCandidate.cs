namespace Rampart.Cases.Cases;

/// <summary>A hit of <c>rampart hunt</c> read back: the host, why it belongs to a case, and where it was read.</summary>
public sealed record HuntCandidate(string Host, string Reason, int Line);
