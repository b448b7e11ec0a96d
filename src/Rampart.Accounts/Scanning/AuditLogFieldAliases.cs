using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Scanning;

/// <summary>
/// Where SigmaHQ's cloud rules find their fields in the readers' events. The m365 rules were written
/// for a mapping that called the UAL workload <c>eventSource</c> and the operation (or, for Security
/// &amp; Compliance alerts, the alert name) <c>eventName</c>; the Entra audit rules call the activity
/// <c>properties.message</c>. Each alias is tried before the field itself; <c>status</c> is first
/// <c>Outcome</c>, which the readers write in the rules' spelling (<c>success</c>, not Succeeded).
/// </summary>
public static class AuditLogFieldAliases
{
    private static readonly SigmaLogSource M365 = new("m365", null, null);
    private static readonly SigmaLogSource M365Alerts = new("m365", "threat_management", null);
    private static readonly SigmaLogSource M365Detections = new("m365", "threat_detection", null);
    private static readonly SigmaLogSource EntraAudit = new("azure", "auditlogs", null);

    /// <remarks>
    /// Starts from <see cref="SigmaFieldAliases.Empty"/> because an alert's name must be tried before
    /// the operation (which is "AlertTriggered"), and aliases are tried in the order added; the last
    /// four entries are the engine's <see cref="SigmaFieldAliases.BuiltIn"/> m365 ones.
    /// </remarks>
    public static SigmaFieldAliases SigmaHq { get; } = SigmaFieldAliases.Empty
        .With(M365Alerts, "eventName", "Name")
        .With(M365Detections, "eventName", "Name")
        .With(EntraAudit, "properties.message", "ActivityDisplayName")
        .With(EntraAudit, "properties.message", "OperationName")
        .With(M365, "eventSource", "Workload")
        .With(M365, "eventName", "Operation")
        .With(M365, "status", ResultStatus.OutcomeField)
        .With(M365, "status", "ResultStatus");
}
