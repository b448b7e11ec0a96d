using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// What an access tally keeps of a record: the fields a report shows and where the record is
/// (file:line), not the record. Every successful event of the logs may start a tally (an account
/// and an address, app, session or token), so a sighting is a struct inside its tally, its texts
/// shared with every other sighting of the same text, and the time is ticks (no time: <see cref="NoTime"/>, first in order).
/// </summary>
internal readonly record struct AccessSighting(long Ticks, string? Operation, string? Actor, string? ClientIp, string? App, string File, int Line)
{
    public const long NoTime = long.MinValue;

    /// <param name="what">The event's operation and actor, and its address and app, as the tally shares them between sightings.</param>
    public static AccessSighting Of(AuditEvent auditEvent, in SightingFields what) =>
        new(auditEvent.Timestamp?.UtcTicks ?? NoTime, what.Operation, what.Actor, what.ClientIp, what.App, auditEvent.Origin.File, auditEvent.Origin.Line);

    public DateTimeOffset? Time => Ticks == NoTime ? null : new DateTimeOffset(Ticks, TimeSpan.Zero);

    /// <summary>The sighting as evidence; its record text is empty (the tally did not keep it): <see cref="Evidence.Where"/> finds it.</summary>
    public Evidence Evidence => new(Time, Operation, Actor, ClientIp, App, File, Line, "");
}
