using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One account's use of one address or app over the logs: first and last record and how
/// many. Order-free (files may come in any order), so "first seen before the reset, used after it"
/// is answered once the reset is known.
/// </summary>
internal sealed class AccessTally(AuditEvent first)
{
    public AuditEvent First { get; private set; } = first;

    public AuditEvent Last { get; private set; } = first;

    public long Count { get; private set; } = 1;

    public void Add(AuditEvent auditEvent)
    {
        Count++;
        var at = auditEvent.Timestamp ?? DateTimeOffset.MinValue;
        if (at < (First.Timestamp ?? DateTimeOffset.MinValue))
        {
            First = auditEvent;
        }

        if (at >= (Last.Timestamp ?? DateTimeOffset.MinValue))
        {
            Last = auditEvent;
        }
    }
}
