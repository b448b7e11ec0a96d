using Microsoft.Data.Sqlite;

namespace Rampart.Storage.Intel;

/// <summary>
/// SQLite, one bulk STIX import (<see cref="StixImportWriter"/>): the two indexes that random STIX ids fill at
/// random places — <c>indicators_stix_ref</c> and the (id, modified) index <c>stix_objects_version</c> — dropped
/// inside the import's transaction once it is large enough, and built again, sorted, before anything reads them
/// and before the commit. Each entry went to a random page of an index larger than the page cache, so every insert
/// read and dirtied a page of its own (sqlite3 shell, 1M objects with random ids: indicator inserts 9.0 CPU-s with
/// the stix_ref index, 2.3 without it plus 1.1 to build it; stix_objects inserts 10.1 with the version index, 2.6
/// without it plus 1.4 to build it). Readers on other connections see the store as it was until the commit, and a
/// rollback puts both indexes back.
/// </summary>
internal sealed class SqliteBulkIndexes(SqliteConnection connection, int setAsideAfter, int maxImportedIds) : IDisposable
{
    /// <summary>The page cache (negative: KiB) while a set-aside index is built: it also bounds SQLite's sort buffers.</summary>
    private const int IndexBuildCacheKilobytes = -4096;

    private const string StixRefIndex = "indicators_stix_ref";

    private const string VersionIndex = "stix_objects_version";

    private readonly List<long> _candidates = [];
    private long _indicatorRowsAtStart;
    private long _indicatorsWritten;
    private long _objectsWritten;
    private bool _stixRefSettled;
    private bool _versionSettled;
    private string? _setAsideStixRef;
    private string? _setAsideVersion;
    private ImportedIdTable? _importedIds;
    private SqliteStatement? _byDateAdded;
    private bool _finishing;

    // The ids written in an order that puts their index entries anywhere but at the end (an id below the one
    // before it). Only then is setting an index aside worth its rebuild.
    private string? _lastBoundId;
    private long _outOfOrder;

    /// <summary>True while the stix_ref index is set aside (for tests).</summary>
    public bool StixRefSetAside => _setAsideStixRef is not null;

    /// <summary>True while the (id, modified) index is set aside; then <see cref="FindImported"/> finds stored versions.</summary>
    public bool VersionSetAside => _setAsideVersion is not null;

    /// <summary>
    /// True when at least one id in ten so far came below the one before it. Ids that count up (the bench's generated
    /// bundle, a feed that numbers its objects) add every index entry at the index's end, which costs less than
    /// building it again: 1M such objects took 20.3/23.9 s with both indexes set aside, 17.3/18.2 s without.
    /// </summary>
    private bool IdsOutOfOrder => _outOfOrder * 10 >= _objectsWritten;

    /// <summary>At the import's start: the indicator rows already there bound what setting stix_ref aside may cost.</summary>
    public void Start(long indicatorRowsAtStart) => _indicatorRowsAtStart = indicatorRowsAtStart;

    /// <summary>A version about to be inserted, with its date_added (row id).</summary>
    public void Bound(string id, long dateAdded)
    {
        _objectsWritten++;
        if (_lastBoundId is not null && string.CompareOrdinal(id, _lastBoundId) < 0)
        {
            _outOfOrder++;
        }

        _lastBoundId = id;
        _importedIds?.Add(id, dateAdded);
    }

    /// <summary>
    /// Indicators about to be upserted. Once the import has written <c>setAsideAfter</c> of them, and at least as many
    /// as the table held when it began (which bounds the rebuild to twice what the import wrote), the stix_ref index
    /// is set aside.
    /// </summary>
    public void IndicatorsWriting(int count)
    {
        _indicatorsWritten += count;
        if (_stixRefSettled || _indicatorsWritten < Math.Max(setAsideAfter, _indicatorRowsAtStart))
        {
            return;
        }

        _stixRefSettled = true;
        if (IdsOutOfOrder)
        {
            _setAsideStixRef = SetAside(StixRefIndex);
        }
    }

    /// <summary>
    /// Before a chunk's look-up. An import that began on an empty <c>stix_objects</c> (<paramref name="emptyAtStart"/>)
    /// sets the (id, modified) index aside once it has written <c>setAsideAfter</c> objects; the versions it wrote — the
    /// only ones stored — are then found by <see cref="ImportedIdTable"/> and confirmed by their row. The import writes no
    /// version twice (the chunk's look-up), so the index builds without a conflict. A table that would pass
    /// <c>maxImportedIds</c> builds the index then, and look-ups go by it again. True when the index was set aside now.
    /// </summary>
    public bool BeforeChunk(int chunk, bool emptyAtStart, long nextDateAdded)
    {
        if (_importedIds is { } table && table.Count + chunk > maxImportedIds)
        {
            RestoreVersion();
        }

        if (_versionSettled || !emptyAtStart || _objectsWritten < setAsideAfter)
        {
            return false;
        }

        _versionSettled = true;
        if (!IdsOutOfOrder || SetAside(VersionIndex) is not { } create)
        {
            return false;
        }

        // The versions written so far, from the rows themselves; later ones as they are bound.
        long first;
        using (var min = new SqliteStatement(connection, "SELECT COALESCE(MIN(date_added), 0) FROM stix_objects"))
        {
            min.Step();
            first = min.GetInt64(0);
        }

        var ids = new ImportedIdTable(first == 0 ? nextDateAdded : first);
        using (var all = new SqliteStatement(connection, "SELECT id, date_added FROM stix_objects"))
        {
            while (all.Step())
            {
                ids.Add(all.GetText(0)!, all.GetInt64(1));
            }
        }

        (_setAsideVersion, _importedIds) = (create, ids);
        return true;
    }

    /// <summary>While the (id, modified) index is set aside: each candidate <see cref="ImportedIdTable"/> gives, read by its row id and kept when the id is the same.</summary>
    public void FindImported(IReadOnlyCollection<string> ids, Action<string, string> found)
    {
        var table = _importedIds ?? throw new InvalidOperationException("The (id, modified) index is not set aside.");
        var byRow = _byDateAdded ??= new SqliteStatement(connection, "SELECT id, modified FROM stix_objects WHERE date_added = ?1");
        foreach (var id in ids)
        {
            table.Candidates(id, _candidates);
            foreach (var dateAdded in _candidates)
            {
                byRow.Bind(1, dateAdded);
                if (byRow.Step() && byRow.GetText(0) == id)
                {
                    found(id, byRow.GetText(1)!);
                }

                byRow.Reset();
            }
        }
    }

    /// <summary>
    /// Builds again what the import set aside, at its end. The page cache stays at the size the builds ran with until
    /// the connection is opened again (every open sets it): growing it back for the commit alone took ~30 MB more of
    /// the process's memory, freed pages kept by one malloc arena and new ones taken from another.
    /// </summary>
    public void RestoreAll()
    {
        _finishing = true;
        RestoreVersion();
        RestoreStixRef();
    }

    /// <summary>Before a look-up by stix_ref (a revocation, an attribution), and at the import's end.</summary>
    public void RestoreStixRef()
    {
        _stixRefSettled = true;
        if (_setAsideStixRef is { } create)
        {
            Build(create);
            _setAsideStixRef = null;
        }
    }

    private void RestoreVersion()
    {
        _versionSettled = true;
        if (_setAsideVersion is { } create)
        {
            Build(create);
            _importedIds?.Dispose();
            (_setAsideVersion, _importedIds) = (null, null);
        }
    }

    /// <summary>Reads an index's CREATE statement and drops the index; null when the store has no such index.</summary>
    private string? SetAside(string index)
    {
        string? create;
        using (var find = new SqliteStatement(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'"))
        {
            create = find.Step() ? find.GetText(0) : null;
        }

        if (create is not null)
        {
            using var drop = new SqliteStatement(connection, $"DROP INDEX {index}");
            drop.Execute();
        }

        return create;
    }

    private void Build(string create)
    {
        // SQLite sorts the index's entries in memory buffers as large as the page cache (32 MB) before it merges
        // them: with the cache, that was +30 MB of peak working set at 1M. 4 MB buffers: a merge more.
        long cacheSize;
        using (var read = new SqliteStatement(connection, "PRAGMA cache_size"))
        {
            read.Step();
            cacheSize = read.GetInt64(0);
        }

        using (var small = new SqliteStatement(connection, $"PRAGMA cache_size = {IndexBuildCacheKilobytes}"))
        {
            small.Execute();
        }

        try
        {
            using var build = new SqliteStatement(connection, create);
            build.Execute();
        }
        finally
        {
            if (!_finishing)
            {
                using var restore = new SqliteStatement(connection, $"PRAGMA cache_size = {cacheSize}");
                restore.Execute();
            }
        }
    }

    public void Dispose()
    {
        _importedIds?.Dispose();
        _byDateAdded?.Dispose();
    }
}
