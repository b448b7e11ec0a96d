using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One account's use of one address or app over the logs: first and last sighting and how
/// many. Order-free (files may come in any order), so "first seen before the reset, used after it"
/// is answered once the reset is known.
/// </summary>
internal sealed class AccessTally(AccessSighting first)
{
    public AccessSighting First { get; private set; } = first;

    public AccessSighting Last { get; private set; } = first;

    public long Count { get; private set; } = 1;

    /// <summary>Counts a record; its sighting is made only when it becomes the first or the last.</summary>
    public void Add(AuditEvent auditEvent, in SightingFields what)
    {
        Count++;
        var time = auditEvent.Timestamp ?? DateTimeOffset.MinValue;
        var isFirst = time < (First.Time ?? DateTimeOffset.MinValue);
        var isLast = time >= (Last.Time ?? DateTimeOffset.MinValue);
        if (!isFirst && !isLast)
        {
            return;
        }

        var made = AccessSighting.Of(auditEvent, what);
        if (isFirst)
        {
            First = made;
        }

        if (isLast)
        {
            Last = made;
        }
    }
}
