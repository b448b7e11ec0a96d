namespace Rampart.Accounts.Footholds;

/// <summary>
/// Access after the last reset from an address, app, Entra session or token first seen before it,
/// the intruder's (first used in the compromise window, in the indicator store, or a session or token
/// first or last seen from such an address or app): "access continued after reset".
/// </summary>
/// <param name="By">What was reused: <c>ip</c>, <c>app</c>, <c>session</c> (an Entra or Exchange session id) or <c>token</c> (a token's unique id).</param>
/// <param name="Events">Records from it in the logs, before and after the reset.</param>
public sealed record ContinuedAccess(string By, string Value, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Events, string? Actor, Evidence First, Evidence Last)
{
    public string Label { get; } = FootholdClassifications.ContinuedAccessLabel;
}
