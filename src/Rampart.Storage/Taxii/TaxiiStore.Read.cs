using System.Globalization;
using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Markings;
using Rampart.Storage.Intel;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;

namespace Rampart.Storage.Taxii;

internal sealed partial class TaxiiStore
{
    /// <summary>
    /// One page: the log entries of the collection's scope in (After, Upper], joined to the stored
    /// versions, filtered, in date_added order. <c>first</c>/<c>last</c> compare a version with the other
    /// versions of the same object that pass the same scope, visibility and snapshot bound, so a user
    /// cleared for GREEN gets the newest GREEN version as "last", never a hint of the AMBER one.
    /// </summary>
    public async Task<TaxiiPage> ReadAsync(TaxiiRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var query = read.Query;
        if (query.SpecVersions is { } specs && !specs.Contains("2.1"))
        {
            // The store holds STIX 2.1 only (the import refuses other versions).
            return new TaxiiPage([], false);
        }

        var conditions = new List<string> { "l.date_added > @After", "l.date_added <= @Upper" };
        conditions.AddRange(Visible("l", "o", read.Collection));
        if (read.ObjectId is not null)
        {
            conditions.Add("l.id = @ObjectId");
        }

        if (query.Ids is not null)
        {
            conditions.Add(StixStore.In(Database.Provider, "l.id", "Ids"));
        }

        if (query.Types is not null)
        {
            conditions.Add(StixStore.In(Database.Provider, "o.type", "Types"));
        }

        if (!query.Version.All)
        {
            var any = new List<string>();
            if (query.Version.Last)
            {
                any.Add(NoOtherVersion(read.Collection, ">"));
            }

            if (query.Version.First)
            {
                any.Add(NoOtherVersion(read.Collection, "<"));
            }

            if (query.Version.Versions.Count > 0)
            {
                any.Add(StixStore.In(Database.Provider, "o.modified", "Versions"));
            }

            conditions.Add(any.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", any) + ")");
        }

        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<TaxiiRows.EntryRow>(new CommandDefinition(
            $"""
            SELECT l.date_added AS DateAdded, o.id, o.type, o.modified, o.tlp, o.json
            FROM {Log(read.Collection)} l JOIN stix_objects o ON o.id = l.id AND o.modified = l.modified
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY l.date_added
            LIMIT @Take
            """,
            new
            {
                read.After,
                read.Upper,
                Collection = read.Collection.Id,
                Actor = read.Collection.Argument,
                Levels = read.Levels.Select(t => t.ToWire()).ToArray(),
                read.ObjectId,
                Ids = query.Ids?.ToArray(),
                Types = query.Types?.ToArray(),
                Versions = query.Version.Versions.Select(v => StixObjectRow.ToVersion(v)).ToArray(),
                Take = read.Limit + 1,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        var more = rows.Count > read.Limit;
        var entries = rows.Take(read.Limit).Select(r => new TaxiiEntry(
            r.DateAdded,
            r.Id,
            r.Type,
            ParseVersion(r.Modified),
            TlpLevels.TryParse(r.Tlp, out var tlp) ? tlp : null,
            r.Json)).ToList();
        return new TaxiiPage(entries, more);
    }

    public async Task<int> SyncCaseAsync(string collectionId, IReadOnlyList<string> domains, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domains);
        if (domains.Count == 0)
        {
            return 0;
        }

        List<(string Id, DateTimeOffset? Modified)> missing;
        await using (var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // The unique (type, normalized_value, source) index finds each domain's indicators; versions join oldest first.
            var rows = await connection.QueryAsync<TaxiiRows.VersionRow>(new CommandDefinition(
                $"""
                SELECT DISTINCT o.id AS Id, o.modified AS Modified
                FROM indicators i JOIN stix_objects o ON o.id = i.stix_ref
                WHERE i.type = 'domain' AND {StixStore.In(Database.Provider, "i.normalized_value", "Domains")} AND o.type = 'indicator'
                  AND NOT EXISTS (SELECT 1 FROM taxii_log l WHERE l.collection_id = @Collection AND l.id = o.id AND l.modified = o.modified)
                ORDER BY o.modified, o.id
                """,
                new { Collection = collectionId, Domains = domains.ToArray() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            missing = rows.Select(r => (r.Id, ParseVersion(r.Modified))).ToList();
        }

        return missing.Count == 0 ? 0 : await AddToCollectionAsync(collectionId, missing, context, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? ParseVersion(string modified) =>
        modified.Length == 0 ? null : DateTimeOffset.ParseExact(modified, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>No other version of the object, in the same scope and visible the same way, is newer (">") or older ("&lt;").</summary>
    private string NoOtherVersion(TaxiiCollection collection, string comparison) =>
        $"""
        NOT EXISTS (SELECT 1 FROM {Log(collection)} l2 JOIN stix_objects o2 ON o2.id = l2.id AND o2.modified = l2.modified
            WHERE l2.id = l.id AND l2.date_added <= @Upper AND o2.modified {comparison} o.modified AND {string.Join(" AND ", Visible("l2", "o2", collection))})
        """;

    /// <summary>
    /// Where a collection's entries are: inboxes and case collections in the log; the views over the store
    /// in the stored versions themselves — PostgreSQL's log has a row for each, SQLite's versions carry their
    /// date_added as their row id (taxii/sqlite/0004), read in the log's shape (SQLite flattens the subquery).
    /// </summary>
    private string Log(TaxiiCollection collection) =>
        collection.Kind is TaxiiCollectionKind.Inbox or TaxiiCollectionKind.Case || Database.Provider == StoreProvider.Postgres
            ? "taxii_log"
            : "(SELECT date_added, NULL AS collection_id, id, modified FROM stix_objects)";

    /// <summary>What puts a stored version in this collection and lets it be seen: the scope, the kind's filter, the TLP levels.</summary>
    private List<string> Visible(string log, string stored, TaxiiCollection collection)
    {
        var conditions = new List<string>
        {
            collection.Kind is TaxiiCollectionKind.Inbox or TaxiiCollectionKind.Case ? $"{log}.collection_id = @Collection" : $"{log}.collection_id IS NULL",
            $"({stored}.tlp IS NULL OR {StixStore.In(Database.Provider, stored + ".tlp", "Levels")})",
        };
        switch (collection.Kind)
        {
            case TaxiiCollectionKind.Indicators:
                conditions.Add($"{stored}.type = 'indicator'");
                break;
            case TaxiiCollectionKind.Actor:
                conditions.Add($"{stored}.type = 'indicator' AND EXISTS (SELECT 1 FROM indicators i WHERE i.stix_ref = {stored}.id AND i.actor_id = @Actor)");
                break;
            case TaxiiCollectionKind.All:
            case TaxiiCollectionKind.Tlp:
            case TaxiiCollectionKind.Inbox:
            case TaxiiCollectionKind.Case:
                break;
        }

        return conditions;
    }
}
