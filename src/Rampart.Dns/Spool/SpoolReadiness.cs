namespace Rampart.Dns.Spool;

/// <summary>
/// Whether a node may keep taking traffic: not while its spool holds more hits not yet in the store
/// than <see cref="SpoolOptions.MaxPendingBytes"/>. The limit sits far below a full disk, so a node
/// reports itself not ready (health check, log) while every hit can still be written: a load
/// balancer or anycast route then moves traffic away before anything could be lost.
/// </summary>
public sealed class SpoolReadiness(string spoolDirectory, long maxPendingBytes)
{
    public long LimitBytes => maxPendingBytes;

    /// <summary>Measures the spool now (a directory listing and the checkpoint: cheap enough per health probe).</summary>
    public SpoolReadinessReport Check()
    {
        var pending = HitIngester.PendingBytes(spoolDirectory);
        return new SpoolReadinessReport(pending <= maxPendingBytes, pending, maxPendingBytes);
    }
}
