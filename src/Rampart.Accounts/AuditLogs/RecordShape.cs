using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Where one record format keeps the typed fields: candidate dotted paths, first present wins, looked
/// up without regard to case in the normalized record (so Graph's <c>userPrincipalName</c> and
/// Sentinel's <c>UserPrincipalName</c> share one list). <c>WritesOutcome</c>: the record gains the
/// <c>Outcome</c> field SigmaHQ's m365 rules test as <c>status</c> (see <see cref="ResultStatus.Outcome"/>).
/// </summary>
internal sealed record RecordShape(
    AuditLogFormat Format,
    Func<string?, Logsource> Logsource,
    string[] Timestamp,
    string[] Account,
    string[] ClientIp,
    string[] Operation,
    string[] Result,
    string[] Workload,
    string? FixedOperation = null,
    string? FixedWorkload = null,
    bool LiftProperties = false,
    bool WritesOutcome = false);
