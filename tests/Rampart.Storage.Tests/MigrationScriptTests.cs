namespace Rampart.Storage.Tests;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Both_providers_have_the_same_migrations_for_every_module()
    {
        foreach (var module in new[]
        {
            StorageModule.For<Platform.StoreChanges>(StorageModule.PlatformName),
            StorageModule.For<Intel.IndicatorStore>("intel"),
            StorageModule.For<Accounts.SigmaRules.SigmaRuleStore>("sigma-rules"),
            StorageModule.For<Accounts.Footholds.AccountReportStore>("footholds"),
            StorageModule.For<Sinkhole.SinkholeHitStore>("sinkhole"),
            StorageModule.For<Sinkhole.Victims.VictimStore>("victims"),
        })
        {
            var sqlite = Migration.Load(module, StoreProvider.Sqlite).Select(m => (m.Version, m.Name)).ToList();
            var postgres = Migration.Load(module, StoreProvider.Postgres).Select(m => (m.Version, m.Name)).ToList();

            Assert.NotEmpty(sqlite);
            Assert.Equal(sqlite, postgres);
            Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(m => m.Version));
        }
    }
}
