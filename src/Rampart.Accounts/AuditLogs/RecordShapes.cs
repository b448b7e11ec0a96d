using System.Text.Json;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// The known record shapes and how a record is recognised. Field names follow Microsoft's published
/// schemas: the Office 365 Management Activity API common schema, Graph's <c>signIn</c> and
/// <c>directoryAudit</c> resources, Azure Monitor's diagnostic-log envelope, and Sentinel's
/// <c>OfficeActivity</c>, <c>SigninLogs</c> and <c>AuditLogs</c> tables.
/// </summary>
internal static class RecordShapes
{
    private const string EntraWorkload = "AzureActiveDirectory";

    private static readonly Logsource SignInLogs = new("azure", "signinlogs");
    private static readonly Logsource AuditLogs = new("azure", "auditlogs");
    private static readonly Logsource M365Audit = new("m365", "audit");
    private static readonly Logsource M365Exchange = new("m365", "exchange");
    private static readonly Logsource M365ThreatManagement = new("m365", "threat_management");

    /// <summary>
    /// SigmaHQ's m365 rules select Exchange admin and mailbox records with service <c>exchange</c>,
    /// Security &amp; Compliance alerts with <c>threat_management</c>, and everything else with <c>audit</c>.
    /// </summary>
    public static Logsource UnifiedAuditLogsource(string? workload) =>
        string.Equals(workload, "Exchange", StringComparison.OrdinalIgnoreCase) ? M365Exchange
        : string.Equals(workload, "SecurityComplianceCenter", StringComparison.OrdinalIgnoreCase) ? M365ThreatManagement
        : M365Audit;

    private static readonly string[] UalClientIp = ["ClientIP", "ClientIPAddress", "Client_IPAddress", "ActorIpAddress"];

    public static readonly RecordShape ManagementActivityApi = new(
        AuditLogFormat.ManagementActivityApi, UnifiedAuditLogsource,
        Timestamp: ["CreationTime"], Account: ["UserId"], ClientIp: UalClientIp,
        Operation: ["Operation"], Result: ["ResultStatus"], Workload: ["Workload"], WritesOutcome: true);

    public static readonly RecordShape SentinelOfficeActivity = new(
        AuditLogFormat.SentinelOfficeActivity, UnifiedAuditLogsource,
        Timestamp: ["TimeGenerated", "CreationTime"], Account: ["UserId"], ClientIp: UalClientIp,
        Operation: ["Operation"], Result: ["ResultStatus"], Workload: ["OfficeWorkload", "Workload"], WritesOutcome: true);

    private static readonly string[] SignInAccount = ["userPrincipalName", "identity"];
    private static readonly string[] SignInIp = ["ipAddress", "callerIpAddress"];
    private static readonly string[] SignInResult = ["status.errorCode", "ResultType"];

    public static readonly RecordShape GraphSignIn = new(
        AuditLogFormat.GraphSignIn, _ => SignInLogs,
        Timestamp: ["createdDateTime"], Account: SignInAccount, ClientIp: SignInIp,
        Operation: ["operationName"], Result: SignInResult, Workload: [],
        FixedOperation: "Sign-in activity", FixedWorkload: EntraWorkload);

    public static readonly RecordShape AzureMonitorSignIn = GraphSignIn with
    {
        Format = AuditLogFormat.AzureMonitorSignIn,
        Timestamp = ["time", "createdDateTime"],
        LiftProperties = true,
    };

    public static readonly RecordShape SentinelSigninLogs = GraphSignIn with
    {
        Format = AuditLogFormat.SentinelSigninLogs,
        Timestamp = ["TimeGenerated", "CreatedDateTime"],
    };

    private static readonly string[] AuditAccount = ["initiatedBy.user.userPrincipalName", "initiatedBy.app.displayName", "initiatedBy.app.servicePrincipalName", "identity"];
    private static readonly string[] AuditIp = ["initiatedBy.user.ipAddress", "callerIpAddress"];
    private static readonly string[] AuditOperation = ["activityDisplayName", "operationName"];

    public static readonly RecordShape GraphDirectoryAudit = new(
        AuditLogFormat.GraphDirectoryAudit, _ => AuditLogs,
        Timestamp: ["activityDateTime"], Account: AuditAccount, ClientIp: AuditIp,
        Operation: AuditOperation, Result: ["result"], Workload: [], FixedWorkload: EntraWorkload);

    public static readonly RecordShape AzureMonitorAudit = GraphDirectoryAudit with
    {
        Format = AuditLogFormat.AzureMonitorAudit,
        Timestamp = ["time", "activityDateTime"],
        LiftProperties = true,
    };

    public static readonly RecordShape SentinelAuditLogs = GraphDirectoryAudit with
    {
        Format = AuditLogFormat.SentinelAuditLogs,
        Timestamp = ["TimeGenerated", "ActivityDateTime"],
    };

    public static RecordShape Generic(FieldMap map) => new(
        AuditLogFormat.GenericJsonLines, _ => map.Logsource,
        Timestamp: Optional(map.Timestamp), Account: Optional(map.Account), ClientIp: Optional(map.ClientIp),
        Operation: Optional(map.Operation), Result: Optional(map.Result), Workload: Optional(map.Workload));

    private static string[] Optional(string? path) => path is null ? [] : [path];

    private static readonly string[] SentinelTypes = ["OfficeActivity", "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs", "AuditLogs"];
    private static readonly string[] AzureMonitorCategories = ["SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs", "ManagedIdentitySignInLogs", "AuditLogs"];

    /// <summary>Recognises a record by the fields its format always has; null when it has none of them.</summary>
    public static RecordShape? Detect(RecordMembers root)
    {
        var type = root.OneOf("Type", SentinelTypes);
        switch (type)
        {
            case "OfficeActivity":
                return SentinelOfficeActivity;
            case "SigninLogs" or "AADNonInteractiveUserSignInLogs" or "AADServicePrincipalSignInLogs" or "AADManagedIdentitySignInLogs":
                return SentinelSigninLogs;
            case "AuditLogs":
                return SentinelAuditLogs;
        }

        if (root.TryGet("properties", out var properties) && properties.Name == "properties" && properties.Kind == JsonTokenType.StartObject)
        {
            var category = root.OneOf("category", AzureMonitorCategories);
            if (category is "SignInLogs" or "NonInteractiveUserSignInLogs" or "ServicePrincipalSignInLogs" or "ManagedIdentitySignInLogs")
            {
                return AzureMonitorSignIn;
            }

            if (category is "AuditLogs")
            {
                return AzureMonitorAudit;
            }
        }

        if (root.Has("CreationTime") && root.Has("Operation") && (root.Has("Workload") || root.Has("RecordType")))
        {
            return ManagementActivityApi;
        }

        if (root.Has("OfficeWorkload") && root.Has("Operation"))
        {
            return SentinelOfficeActivity;
        }

        if (root.Has("activityDateTime") && root.Has("activityDisplayName"))
        {
            return root.HasExact("activityDateTime") ? GraphDirectoryAudit : SentinelAuditLogs;
        }

        if (root.Has("createdDateTime") && root.Has("status") && (root.Has("userPrincipalName") || root.Has("appId")))
        {
            return root.HasExact("createdDateTime") ? GraphSignIn : SentinelSigninLogs;
        }

        return null;
    }
}
