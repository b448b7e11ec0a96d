using Dapper;
using Rampart.Core.Auditing;

namespace Rampart.Storage.Platform;

/// <summary>Reads the audit trail that <see cref="StoreChanges"/> writes.</summary>
internal sealed class AuditTrail(StoreDatabase database) : IAuditTrail
{
    public const int MaxLimit = 1000;

    private const string Columns = "id AS Id, at AS At, who AS Who, channel AS Channel, from_address AS FromAddress, action AS Action, target AS Target, detail AS Detail";

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, string? before, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = before is null
            ? $"SELECT {Columns} FROM audit_log ORDER BY id DESC LIMIT @Limit"
            : $"SELECT {Columns} FROM audit_log WHERE id < @Before ORDER BY id DESC LIMIT @Limit";
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            sql, new { Limit = limit, Before = before }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }
}
