using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

public sealed class SpecificationExampleTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Sigma", "Fixtures", "specification");

    [Fact]
    public void Every_example_of_the_specification_loads()
    {
        var loaded = SigmaLoader.LoadDirectory(Directory);

        Assert.Empty(loaded.Errors);
        Assert.Equal(12, loaded.Documents.Count);
        Assert.Equal(2, loaded.Rules.Count());
        Assert.Equal(2, loaded.Filters.Count());
    }

    [Fact]
    public void Every_correlation_type_has_a_loaded_example()
    {
        var loaded = SigmaLoader.LoadDirectory(Directory);

        Assert.Equal(Enum.GetValues<SigmaCorrelationType>().Order(), loaded.Correlations.Select(c => c.Type).Distinct().Order());
    }

    [Fact]
    public void The_examples_rules_compile_and_correlations_without_their_rules_are_reported()
    {
        var loaded = SigmaLoader.LoadDirectory(Directory);
        var set = SigmaRuleSet.Compile(loaded.Documents);

        Assert.Equal(2, set.Count);
        Assert.All(set.Errors, e => Assert.Contains("is not a loaded rule or correlation", e.Reason, StringComparison.Ordinal));
        Assert.Equal(loaded.Correlations.Count(), set.Errors.Count);
    }
}
