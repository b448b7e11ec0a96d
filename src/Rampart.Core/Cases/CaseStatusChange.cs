namespace Rampart.Core.Cases;

/// <summary>One move of a case's status: who, when, from what to what (the audit trail has it too).</summary>
public sealed record CaseStatusChange(string CaseId, DateTimeOffset At, string Who, CaseStatus? From, CaseStatus To, string? Note);
