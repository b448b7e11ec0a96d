namespace Rampart.Accounts.Footholds;

/// <summary>Everything the audit says about one account: status, window, footholds, resets, findings, timeline and plan.</summary>
/// <param name="WindowOpened">The first sign of compromise; null when there is none.</param>
/// <param name="LastReset">The last password change or reset; null when there is none.</param>
/// <param name="Actors">Actors the indicator store attributes the account's suspicious addresses to.</param>
public sealed record AccountReport(
    string Account,
    AccountStatus Status,
    DateTimeOffset? WindowOpened,
    DateTimeOffset? LastReset,
    IReadOnlyList<string> Actors,
    IReadOnlyList<Foothold> Footholds,
    IReadOnlyList<ContinuedAccess> ContinuedAccess,
    IReadOnlyList<PasswordEvent> Resets,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<TimelineEntry> Timeline,
    RemediationPlan Plan)
{
    public string StatusLabel => Status switch
    {
        AccountStatus.Compromised => "compromised",
        AccountStatus.Review => "review",
    };
}
