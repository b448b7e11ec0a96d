namespace Rampart.Core.Accounts;

/// <summary>One account's footholds audit as stored: the columns lists filter on, and the whole report as JSON (the API's shape).</summary>
/// <param name="Account">The account, lower case.</param>
/// <param name="Status"><c>compromised</c> or <c>review</c>.</param>
/// <param name="Actors">Actors named by the indicator store, comma-separated; empty when none.</param>
/// <param name="OpenSteps">Plan steps not yet seen done.</param>
/// <param name="Report">The report as JSON.</param>
public sealed record AccountReportRecord(
    string Account,
    string Status,
    DateTimeOffset? WindowOpened,
    DateTimeOffset? LastReset,
    string Actors,
    int Footholds,
    int OpenSteps,
    string Report,
    DateTimeOffset AuditedAt);
