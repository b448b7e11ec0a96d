using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Another module's entries that share one sequence with the versions a STIX import stores: on SQLite
/// each stored version's <c>date_added</c> is its row id in <c>stix_objects</c>, and TAXII's log
/// (<c>Storage/Taxii/SqliteTaxiiLog</c>) hands out the same kind of value to what is added to its
/// inboxes. Registered by that module; none registered, the import continues its own sequence alone.
/// </summary>
internal interface IStixVersionLog
{
    /// <summary>SQLite: the last <c>date_added</c> the module handed out, 0 when none; the import's versions come after it.</summary>
    long LastDateAdded(ChangeTransaction change);
}
