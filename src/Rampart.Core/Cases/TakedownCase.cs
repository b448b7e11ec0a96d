namespace Rampart.Core.Cases;

/// <summary>A takedown case: a named group of domains and their evidence, moving through <see cref="CaseStatus"/>.</summary>
/// <param name="ModifiedAt">The case's last change (status, domain, evidence): the date its appendix carries.</param>
/// <param name="Revision">The store revision of that last change.</param>
public sealed record TakedownCase(
    string Id,
    string Name,
    string? Description,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset ModifiedAt,
    long Revision);
