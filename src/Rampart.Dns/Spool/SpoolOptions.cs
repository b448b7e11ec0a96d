namespace Rampart.Dns.Spool;

/// <summary>Where and how a node keeps its hit log.</summary>
public sealed record SpoolOptions
{
    /// <summary>The spool folder (one per node), usually &lt;data&gt;/spool.</summary>
    public required string Directory { get; init; }

    /// <summary>This node's id in every hit id; null: generated once and kept in the folder's <c>node-id</c> file.</summary>
    public string? NodeId { get; init; }

    /// <summary>
    /// How often written hits are forced to disk (fsync). This is the power-loss window: a kill -9
    /// loses nothing that was answered (every hit is in the kernel before its answer leaves), but a
    /// power cut may lose up to this much. Zero: fsync every batch before answering (slow).
    /// </summary>
    public TimeSpan FsyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A segment file is closed and a new one started past this size.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// When segments not yet ingested pass this size the node reports itself not ready, long before
    /// the disk fills and a hit could not be written.
    /// </summary>
    public long MaxPendingBytes { get; init; } = 4L * 1024 * 1024 * 1024;
}
