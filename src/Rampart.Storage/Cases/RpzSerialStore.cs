using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Cases;

/// <summary>Serials of exported RPZ zones: the next one only when the zone's content changed.</summary>
internal sealed class RpzSerialStore(StoreChanges changes) : IRpzSerialStore
{
    public Task<long> SerialForAsync(string origin, string digest, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var current = (await change.QueryAsync<(long Serial, string Digest)>(
                "SELECT serial, digest FROM rpz_zones WHERE origin = @Origin", new { Origin = origin }).ConfigureAwait(false)).ToList();
            if (current.Count == 1 && current[0].Digest == digest)
            {
                return current[0].Serial;
            }

            // RFC 1982 arithmetic: a 32-bit serial wraps past 2^32-1 to 1, which secondaries still read as newer.
            var serial = current.Count == 0 ? 1 : current[0].Serial >= uint.MaxValue ? 1 : current[0].Serial + 1;
            await change.ExecuteAsync(
                """
                INSERT INTO rpz_zones (origin, serial, digest, modified_at, revision) VALUES (@Origin, @Serial, @Digest, @Now, @Revision)
                ON CONFLICT (origin) DO UPDATE SET serial = excluded.serial, digest = excluded.digest, modified_at = excluded.modified_at, revision = excluded.revision
                """,
                new { Origin = origin, Serial = serial, Digest = digest, Now = change.NowStore, change.Revision }).ConfigureAwait(false);
            change.Audit("rpz.serial", origin, $"serial={serial} digest={digest}");
            return serial;
        }, cancellationToken);
}
