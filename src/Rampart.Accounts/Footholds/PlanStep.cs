namespace Rampart.Accounts.Footholds;

/// <summary>One step of a remediation plan: what to do, the exact command, and the audit record that shows it was done.</summary>
/// <param name="Done">True when the logs already hold the confirming record (re-running the audit marks steps done).</param>
/// <param name="DoneBy">The confirming record, when <see cref="Done"/>.</param>
/// <param name="Created">
/// For a removal, when, where and by whom the foothold was created (time, file:line, actor, address, app),
/// without the record itself (the foothold in the report carries it): the plan stands on its own.
/// </param>
/// <param name="DetectedBy">For a removal, the rules that recognised the foothold.</param>
public sealed record PlanStep(int Number, string Title, string Command, string Confirmation, bool Done, Evidence? DoneBy, Evidence? Created = null, IReadOnlyList<string>? DetectedBy = null)
{
    /// <summary>"created 2026-11-02 09:05:12Z by victim@contoso.com from 203.0.113.66, app …, at ual.json:12; detected by …", for a removal.</summary>
    public string? CreatedSummary => Created is not { } c ? null
        : "created " + (c.Time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "(no time)")
            + $" by {c.Actor ?? "(unknown)"}" + (c.ClientIp is { } ip ? $" from {ip}" : "") + (c.App is { } app ? $", app {app}" : "")
            + $", {c.Operation} at {c.Where}" + (DetectedBy is { Count: > 0 } rules ? $"; detected by {string.Join(", ", rules)}" : "");
}
