using System.Text.Json.Serialization;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>The record that proves a statement: where it was read, what it says, and the record itself as the rules saw it.</summary>
/// <param name="Actor">Who acted (the record's account), which is not always the account it is about.</param>
/// <param name="App">The client application id of the record, when it names one.</param>
public sealed record Evidence(
    DateTimeOffset? Time,
    string? Operation,
    string? Actor,
    string? ClientIp,
    string? App,
    string File,
    int Line,
    [property: JsonConverter(typeof(RecordTextJsonConverter))] string Record)
{
    public static Evidence Of(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new Evidence(
            auditEvent.Timestamp, auditEvent.Operation, auditEvent.Account, auditEvent.ClientIp?.ToString(),
            EventFields.AppId(auditEvent), auditEvent.Origin.File, auditEvent.Origin.Line, auditEvent.RawText);
    }

    public string Where => $"{File}:{Line}";
}
