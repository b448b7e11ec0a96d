namespace Rampart.Accounts.Footholds;

/// <summary>
/// Access after the last reset from an address or app first seen before it, in the
/// compromise window or in the indicator store: "access continued after reset".
/// </summary>
/// <param name="By">What was reused: <c>ip</c> or <c>app</c>.</param>
/// <param name="Events">Records from it in the logs, before and after the reset.</param>
public sealed record ContinuedAccess(string By, string Value, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Events, string? Actor, Evidence First, Evidence Last)
{
    public string Label { get; } = FootholdClassifications.ContinuedAccessLabel;
}
