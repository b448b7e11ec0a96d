namespace Rampart.Core.Cases;

/// <summary>
/// One attribute of one domain from the data investigators import (WHOIS, passive DNS, certificate
/// names): the unit pivoting compares. Values are normalized by the reader that made them.
/// </summary>
/// <param name="FirstSeen">Start of the period the fact held (passive DNS time_first), if known.</param>
/// <param name="LastSeen">End of that period (time_last), if known.</param>
/// <param name="Source">The file or feed it came from, kept as the reason's provenance.</param>
public sealed record PivotFact(string Domain, PivotFactKind Kind, string Value, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, string Source);
