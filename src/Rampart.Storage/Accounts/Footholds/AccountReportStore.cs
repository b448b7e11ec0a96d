using Dapper;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts.Footholds;

/// <summary>The latest audit of each account; every write goes through <see cref="StoreChanges"/> (revision + audit).</summary>
internal sealed class AccountReportStore(StoreChanges changes) : IAccountReportStore
{
    private const string Upsert = """
        INSERT INTO account_reports (account, status, window_opened, last_reset, actors, footholds, open_steps, report, audited_at, revision)
        VALUES (@Account, @Status, @WindowOpened, @LastReset, @Actors, @Footholds, @OpenSteps, @Report, @Now, @Revision)
        ON CONFLICT (account) DO UPDATE SET
            status = excluded.status, window_opened = excluded.window_opened, last_reset = excluded.last_reset,
            actors = excluded.actors, footholds = excluded.footholds, open_steps = excluded.open_steps,
            report = excluded.report, audited_at = excluded.audited_at, revision = excluded.revision
        WHERE account_reports.report <> excluded.report
        """;

    public Task<int> SaveAsync(IReadOnlyList<AccountReportRecord> reports, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return changes.RunAsync(context, async change =>
        {
            var changed = 0;
            foreach (var report in reports)
            {
                changed += await change.ExecuteAsync(Upsert, new
                {
                    Account = report.Account.ToLowerInvariant(),
                    report.Status,
                    WindowOpened = StoreTime.ToStore(report.WindowOpened),
                    LastReset = StoreTime.ToStore(report.LastReset),
                    report.Actors,
                    report.Footholds,
                    report.OpenSteps,
                    report.Report,
                    Now = change.NowStore,
                    change.Revision,
                }).ConfigureAwait(false);
            }

            if (changed > 0)
            {
                change.Audit("accounts.audit", "account-reports", $"accounts={reports.Count} changed={changed} compromised={reports.Count(r => r.Status == "compromised")}");
            }

            return changed;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AccountReportRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AccountReportRow>(new CommandDefinition(
            $"SELECT {AccountReportRow.Columns} FROM account_reports ORDER BY status, account",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<AccountReportRecord?> GetAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountReportRow>(new CommandDefinition(
            $"SELECT {AccountReportRow.Columns} FROM account_reports WHERE account = @Account",
            new { Account = account.ToLowerInvariant() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }
}
