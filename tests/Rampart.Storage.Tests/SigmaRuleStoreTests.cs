using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Rampart.Core.Storage;
using Rampart.Storage.Accounts.SigmaRules;
using Rampart.Storage.Platform;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class SigmaRuleStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static StoredSigmaRule Rule(string id, string? product = "m365", string? service = "exchange", string yaml = "title: x") =>
        new(id, "rule " + id, "rule", product, service, null, "high", "test", true, "rules.yml", yaml, DateTimeOffset.UnixEpoch);

    /// <summary>The test store plus the sigma-rules module, composed as the host composes it (the shared TestStore stays as it is).</summary>
    private async Task<RuleStore> OpenRulesAsync()
    {
        var store = await OpenAsync();
        var services = new ServiceCollection().AddRampartStorage(store.Location).AddSigmaRuleStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        return new RuleStore(services);
    }

    private sealed class RuleStore(ServiceProvider services)
    {
        public ISigmaRuleStore SigmaRules => services.GetRequiredService<ISigmaRuleStore>();

        public IStoreRevision Revision => services.GetRequiredService<IStoreRevision>();

        public IAuditTrail Audit => services.GetRequiredService<IAuditTrail>();
    }

    [Fact]
    public async Task Imported_rules_round_trip_and_reimporting_the_same_text_changes_nothing()
    {
        var store = await OpenRulesAsync();

        Assert.Equal(2, await store.SigmaRules.ImportAsync([Rule("a"), Rule("b", product: "azure", service: null)], Analyst, Ct));
        var revision = await store.Revision.CurrentAsync(Ct);
        Assert.Equal(0, await store.SigmaRules.ImportAsync([Rule("a"), Rule("b", product: "azure", service: null)], Analyst, Ct));

        Assert.Equal(revision, await store.Revision.CurrentAsync(Ct));
        var b = await store.SigmaRules.GetAsync("b", Ct);
        Assert.NotNull(b);
        Assert.Equal(("azure", (string?)null, "rules.yml", "title: x"), (b.Product, b.Service, b.Source, b.Yaml));
        Assert.Equal(["a"], (await store.SigmaRules.ListAsync("m365", null, null, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_disabled_rule_stays_disabled_when_it_is_imported_again()
    {
        var store = await OpenRulesAsync();
        await store.SigmaRules.ImportAsync([Rule("a")], Analyst, Ct);

        Assert.True(await store.SigmaRules.SetEnabledAsync("a", false, Analyst, Ct));
        await store.SigmaRules.ImportAsync([Rule("a", yaml: "title: y")], Analyst, Ct);

        var rule = await store.SigmaRules.GetAsync("a", Ct);
        Assert.False(rule!.Enabled);
        Assert.Equal("title: y", rule.Yaml);
        Assert.Empty(await store.SigmaRules.ListActiveAsync(Ct));
        Assert.False(await store.SigmaRules.SetEnabledAsync("missing", true, Analyst, Ct));
    }

    [Fact]
    public async Task Switching_off_a_log_source_takes_its_rules_out_of_the_active_set()
    {
        var store = await OpenRulesAsync();
        await store.SigmaRules.ImportAsync([Rule("a"), Rule("b", service: "audit")], Analyst, Ct);

        await store.SigmaRules.SetLogSourceEnabledAsync("m365", "exchange", null, false, Analyst, Ct);

        Assert.Equal(["b"], (await store.SigmaRules.ListActiveAsync(Ct)).Select(r => r.Id));
        var sources = await store.SigmaRules.ListLogSourcesAsync(Ct);
        Assert.Equal(2, sources.Count);
        Assert.Contains(sources, s => s is { Product: "m365", Service: "exchange", Rules: 1, Enabled: false });
        Assert.Contains(sources, s => s is { Product: "m365", Service: "audit", Rules: 1, Enabled: true });

        await store.SigmaRules.SetLogSourceEnabledAsync("m365", "exchange", null, true, Analyst, Ct);
        Assert.Equal(2, (await store.SigmaRules.ListActiveAsync(Ct)).Count);
    }

    [Fact]
    public async Task Every_change_is_audited()
    {
        var store = await OpenRulesAsync();
        await store.SigmaRules.ImportAsync([Rule("a")], Analyst, Ct);
        await store.SigmaRules.SetEnabledAsync("a", false, Analyst, Ct);
        Assert.True(await store.SigmaRules.DeleteAsync("a", Analyst, Ct));

        var actions = (await store.Audit.ListAsync(10, null, Ct)).Select(e => e.Action).ToList();
        Assert.Contains("sigma-rules.import", actions);
        Assert.Contains("sigma-rule.disable", actions);
        Assert.Contains("sigma-rule.delete", actions);
        Assert.Null(await store.SigmaRules.GetAsync("a", Ct));
    }
}

public sealed class SqliteSigmaRuleStoreTests : SigmaRuleStoreTests<SqliteTarget>;

public sealed class PostgresSigmaRuleStoreTests : SigmaRuleStoreTests<PostgresTarget>;
