namespace Rampart.Core.Cases;

/// <summary>A case with everything in it: domains (by name), evidence (by capture time), status history (oldest first).</summary>
public sealed record CaseDetail(
    TakedownCase Case,
    IReadOnlyList<CaseDomain> Domains,
    IReadOnlyList<CaseEvidence> Evidence,
    IReadOnlyList<CaseStatusChange> History);
