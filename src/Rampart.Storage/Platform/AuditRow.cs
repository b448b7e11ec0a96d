using Rampart.Core.Auditing;

namespace Rampart.Storage.Platform;

/// <summary>An <c>audit_log</c> row as Dapper reads it.</summary>
internal sealed class AuditRow
{
    public string Id { get; set; } = "";

    public long At { get; set; }

    public string Who { get; set; } = "";

    public string Channel { get; set; } = "";

    public string? FromAddress { get; set; }

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string? Detail { get; set; }

    public AuditEntry ToEntry() =>
        new(Id, StoreTime.FromStore(At), Who, StoreNames.ToChannel(Channel), FromAddress, Action, Target, Detail);
}
