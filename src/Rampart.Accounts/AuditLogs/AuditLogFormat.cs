namespace Rampart.Accounts.AuditLogs;

/// <summary>The record shapes the readers know; detected per record, or forced for generic logs.</summary>
public enum AuditLogFormat
{
    /// <summary>Unified Audit Log from the Office 365 Management Activity API (JSON array or lines).</summary>
    ManagementActivityApi,

    /// <summary>Unified Audit Log exported from Purview as CSV, the record in the <c>AuditData</c> column.</summary>
    PurviewCsv,

    /// <summary>Unified Audit Log in Microsoft Sentinel's <c>OfficeActivity</c> table.</summary>
    SentinelOfficeActivity,

    /// <summary>Entra ID sign-in as Microsoft Graph's <c>signIn</c> resource.</summary>
    GraphSignIn,

    /// <summary>Entra ID audit as Microsoft Graph's <c>directoryAudit</c> resource.</summary>
    GraphDirectoryAudit,

    /// <summary>Entra ID sign-in from Azure Monitor diagnostic settings or Event Hub: fields under <c>properties</c>.</summary>
    AzureMonitorSignIn,

    /// <summary>Entra ID audit from Azure Monitor diagnostic settings or Event Hub: fields under <c>properties</c>.</summary>
    AzureMonitorAudit,

    /// <summary>Entra ID sign-in in Microsoft Sentinel's <c>SigninLogs</c> tables (nested values as JSON strings).</summary>
    SentinelSigninLogs,

    /// <summary>Entra ID audit in Microsoft Sentinel's <c>AuditLogs</c> table (nested values as JSON strings).</summary>
    SentinelAuditLogs,

    /// <summary>Any JSON lines, read through a user-supplied <see cref="FieldMap"/>.</summary>
    GenericJsonLines,
}
