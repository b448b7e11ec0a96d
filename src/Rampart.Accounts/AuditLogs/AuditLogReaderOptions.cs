namespace Rampart.Accounts.AuditLogs;

/// <summary>Limits on hostile input, and how to read logs that are not Microsoft's.</summary>
public sealed record AuditLogReaderOptions
{
    /// <summary>
    /// A record longer than this is skipped and reported instead of buffered: the largest real UAL
    /// records (Exchange MailItemsAccessed with hundreds of folders) stay well under 1 MB.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Threads normalizing records while the caller's thread cuts them out and consumes the events;
    /// 1 does everything on the caller's thread. Events come out in file order either way.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether JSON lines are cut at line breaks without tracking their structure (see
    /// <see cref="JsonRecordSplitter"/>); off only in tests that compare the shortcut with the structural pass.
    /// </summary>
    internal bool WholeLines { get; init; } = true;

    /// <summary>When set, every JSON record is read through this map instead of being recognised.</summary>
    public FieldMap? FieldMap { get; init; }
}
