namespace Rampart.Accounts.Footholds;

/// <summary>
/// What ends an intruder's access to one account: each open foothold removed, then every session
/// revoked and the revocation checked to come after the last removal. Removals already in the logs
/// are listed as <see cref="Completed"/>.
/// </summary>
public sealed record RemediationPlan(IReadOnlyList<PlanStep> Steps, IReadOnlyList<PlanStep> Completed)
{
    public static RemediationPlan None { get; } = new([], []);
}
