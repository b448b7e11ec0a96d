namespace Rampart.Core.Storage;

/// <summary>How a change may share the store with other processes while it runs.</summary>
public enum StoreAccess
{
    /// <summary>Other processes keep reading while the change writes: the default, and all a server ever asks for.</summary>
    Shared,

    /// <summary>
    /// A bulk change made by a one-shot process (the CLI's import of a file). When no other connection has
    /// the store open as it starts, the change may hold the store for itself until it ends, so that SQLite
    /// writes each new page once (a rollback journal) instead of twice (the write-ahead log, then the
    /// database); a process that opens the store meanwhile waits, up to 30 s. When another
    /// connection has it open, the change runs as <see cref="Shared"/>.
    /// </summary>
    Exclusive,
}
