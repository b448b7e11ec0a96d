namespace Rampart.Accounts.Footholds;

/// <summary>
/// Access after the last reset from an address, app or session first seen before it, in the
/// compromise window or in the indicator store: "access continued after reset".
/// </summary>
/// <param name="By">What was reused: <c>ip</c>, <c>app</c> or <c>session</c>.</param>
/// <param name="Events">Records from it in the logs, before and after the reset.</param>
public sealed record ContinuedAccess(string By, string Value, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Events, string? Actor, Evidence First, Evidence Last)
{
    public string Label { get; } = FootholdClassifications.ContinuedAccessLabel;
}
