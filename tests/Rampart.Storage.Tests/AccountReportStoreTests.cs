using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Core.Storage;
using Rampart.Storage.Accounts.Footholds;
using Rampart.Storage.Platform;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class AccountReportStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset Window = new(2026, 11, 2, 9, 0, 40, TimeSpan.Zero);

    private static AccountReportRecord Report(string account, string status, string json, int steps = 4) =>
        new(account, status, status == "compromised" ? Window : null, Window.AddDays(2), status == "compromised" ? "THALLIUM" : "", 3, steps, json, DateTimeOffset.UnixEpoch);

    private async Task<(IAccountReportStore Reports, IStoreRevision Revision)> OpenReportsAsync()
    {
        var store = await OpenAsync();
        var services = new ServiceCollection().AddRampartStorage(store.Location).AddFootholdsStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        return (services.GetRequiredService<IAccountReportStore>(), services.GetRequiredService<IStoreRevision>());
    }

    [Fact]
    public async Task Reports_are_listed_compromised_first_and_found_by_account_in_any_case()
    {
        var (reports, _) = await OpenReportsAsync();

        Assert.Equal(2, await reports.SaveAsync([Report("staff@contoso.com", "review", "{}"), Report("Victim@Contoso.com", "compromised", """{"a":1}""")], Analyst, Ct));

        Assert.Equal(["victim@contoso.com", "staff@contoso.com"], (await reports.ListAsync(Ct)).Select(r => r.Account));
        var victim = await reports.GetAsync("VICTIM@contoso.com", Ct);
        Assert.NotNull(victim);
        Assert.Equal(("compromised", Window, "THALLIUM", 4, """{"a":1}"""), (victim.Status, victim.WindowOpened, victim.Actors, victim.OpenSteps, victim.Report));
        Assert.Null(await reports.GetAsync("nobody@contoso.com", Ct));
    }

    [Fact]
    public async Task A_later_audit_replaces_an_accounts_report_and_an_unchanged_one_changes_nothing()
    {
        var (reports, revision) = await OpenReportsAsync();
        await reports.SaveAsync([Report("victim@contoso.com", "compromised", "{}")], Analyst, Ct);
        var before = await revision.CurrentAsync(Ct);

        Assert.Equal(0, await reports.SaveAsync([Report("victim@contoso.com", "compromised", "{}")], Analyst, Ct));
        Assert.Equal(1, await reports.SaveAsync([Report("victim@contoso.com", "compromised", """{"done":true}""", steps: 0)], Analyst, Ct));

        var victim = await reports.GetAsync("victim@contoso.com", Ct);
        Assert.Equal((0, """{"done":true}"""), (victim!.OpenSteps, victim.Report));
        Assert.True(await revision.CurrentAsync(Ct) > before);
    }
}

public sealed class SqliteAccountReportStoreTests : AccountReportStoreTests<SqliteTarget>;

public sealed class PostgresAccountReportStoreTests : AccountReportStoreTests<PostgresTarget>;
