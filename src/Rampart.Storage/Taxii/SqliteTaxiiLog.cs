using Rampart.Storage.Intel;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Taxii;

/// <summary>
/// TAXII's log rows for the versions a STIX import stores on SQLite (the trigger they replace:
/// sqlite/0001, dropped by sqlite/0003). PostgreSQL's log stays a statement trigger.
/// </summary>
internal sealed class SqliteTaxiiLog : IStixVersionLog
{
    public IStixVersionLogWriter? Open(ChangeTransaction change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Provider == StoreProvider.Sqlite ? new SqliteTaxiiLogWriter(change) : null;
    }
}
