using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// What another module writes beside every STIX version the import stores, in the import's own
/// transaction: TAXII's log on SQLite (<c>Storage/Taxii/SqliteTaxiiLog</c>), which a per-row trigger
/// used to write. Registered by that module; none registered, nothing is written beside.
/// </summary>
internal interface IStixVersionLog
{
    /// <summary>A writer for one import, or null when this provider needs none (PostgreSQL keeps its statement trigger).</summary>
    IStixVersionLogWriter? Open(ChangeTransaction change);
}
