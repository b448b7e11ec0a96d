using System.Text;
using Rampart.Core.Indicators;
using Rampart.Intel.Import;
using Rampart.Intel.Lists;
using Rampart.Intel.Tests.Stix;

namespace Rampart.Intel.Tests.Import;

public sealed class IndicatorImporterTests
{
    private static IndicatorListReadResult List(string text) =>
        IndicatorListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "feed.txt");

    [Fact]
    public async Task A_list_value_on_a_warninglist_is_reported_with_its_line_and_not_indexed()
    {
        await using var store = await IntelStore.CreateAsync();
        var importer = new IndicatorImporter(store.Indicators, store.Actors);

        var outcome = await importer.ImportAsync(
            "feed.txt", List("evil-login.example\nlogin.microsoftonline.com\n10.1.2.3\n203.0.113.7\n"), new ImportDefaults("feed"), skipInvalid: false, IntelStore.Analyst, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Result!.Added);
        Assert.Collection(outcome.Warned.Select(w => w.ToString()),
            w => Assert.StartsWith("feed.txt:2: column 'value': 'login.microsoftonline.com' is on the warninglist 'brand's own domain' (microsoftonline.com, Microsoft)", w, StringComparison.Ordinal),
            w => Assert.StartsWith("feed.txt:3: column 'value': '10.1.2.3' is on the warninglist 'private and reserved addresses'", w, StringComparison.Ordinal));
        var stored = await store.Indicators.ListAsync(new IndicatorQuery(), TestContext.Current.CancellationToken);
        Assert.Equal(["203.0.113.7", "evil-login.example"], stored.Items.Select(i => i.NormalizedValue).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_on_a_warninglist_does_not_refuse_a_file_that_is_otherwise_valid()
    {
        await using var store = await IntelStore.CreateAsync();
        var importer = new IndicatorImporter(store.Indicators, store.Actors);

        var outcome = await importer.ImportAsync(
            "feed.txt", List("192.168.0.1\n"), new ImportDefaults("feed"), skipInvalid: false, IntelStore.Analyst, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Errors);
        Assert.Equal((0, 1), (outcome.Result!.Added, outcome.Warned.Count));
    }
}
