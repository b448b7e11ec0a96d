using System.Data.Common;
using Dapper;
using Rampart.Core.Auditing;

namespace Rampart.Storage.Platform;

/// <summary>
/// An open change: the connection and transaction to write with, the revision this change will commit
/// as (stamp it on changed rows), and the audit entries to write with it. A change that records no
/// audit entry changed nothing and is rolled back, revision included.
/// </summary>
internal sealed class ChangeTransaction(
    DbConnection connection,
    DbTransaction transaction,
    StoreProvider provider,
    long revision,
    DateTimeOffset now,
    ChangeContext context,
    CancellationToken cancellationToken)
{
    private readonly List<(string Action, string Target, string? Detail)> _entries = [];

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public StoreProvider Provider => provider;

    /// <summary>The revision this change commits as.</summary>
    public long Revision => revision;

    /// <summary>The revision before this change: what a caller sees when nothing changed.</summary>
    public long PreviousRevision => revision - 1;

    public DateTimeOffset Now => now;

    public long NowStore => StoreTime.ToStore(now);

    public ChangeContext Context => context;

    public CancellationToken CancellationToken => cancellationToken;

    internal IReadOnlyList<(string Action, string Target, string? Detail)> Entries => _entries;

    /// <summary>Records what changed; written to the audit trail in this transaction.</summary>
    public void Audit(string action, string target, string? detail = null) => _entries.Add((action, target, detail));

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
