using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

public sealed class ConditionTests
{
    private const string Searches = """
        sel_a:
            A: 1
        sel_b:
            B: 1
        filter_c:
            C: 1
        _hidden:
            H: 1
        """;

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "sel_a and sel_b", """{"A":1,"B":1}""", true },
        { "sel_a and sel_b", """{"A":1}""", false },
        { "sel_a or sel_b", """{"B":1}""", true },
        { "sel_a and not filter_c", """{"A":1,"C":1}""", false },
        { "sel_a and not filter_c", """{"A":1}""", true },
        { "not sel_a", """{"B":1}""", true },
        { "sel_a or sel_b and filter_c", """{"A":1}""", true }, // and binds tighter than or
        { "(sel_a or sel_b) and filter_c", """{"A":1}""", false },
        { "not sel_a and sel_b", """{"B":1}""", true }, // not binds tighter than and
        { "not (sel_a and sel_b)", """{"A":1,"B":1}""", false },
        { "1 of sel_*", """{"B":1}""", true },
        { "all of sel_*", """{"B":1}""", false },
        { "all of sel_*", """{"A":1,"B":1}""", true },
        { "1 of them", """{"C":1}""", true },
        { "1 of them", """{"H":1}""", false }, // 'them' leaves out identifiers starting with '_'
        { "all of them", """{"A":1,"B":1,"C":1}""", true },
        { "all of sel_* and not 1 of filter_*", """{"A":1,"B":1,"C":1}""", false },
        { "1 of sel_* and not 1 of filter_*", """{"A":1}""", true },
        { "_hidden", """{"H":1}""", true },
        { "((sel_a))", """{"A":1}""", true },
        { "sel_a AND NOT filter_c", """{"A":1}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conditions_follow_the_specified_grammar_and_precedence(string condition, string json, bool expected)
    {
        var set = Compile(Rule(Searches + "\ncondition: " + condition));

        Assert.Equal(expected, Matches(set, json));
    }

    [Fact]
    public void A_list_of_conditions_is_linked_with_or()
    {
        var set = Compile(Rule(Searches + "\ncondition:\n    - sel_a\n    - sel_b"));

        Assert.True(Matches(set, """{"B":1}"""));
        Assert.False(Matches(set, """{"C":1}"""));
    }

    [Theory]
    [InlineData("sel_a and", "expression expected at the end", 9)]
    [InlineData("sel_a sel_b", "unexpected 'sel_b'", 6)]
    [InlineData("(sel_a", "')' expected", 6)]
    [InlineData("sel_a)", "unexpected ')'", 5)]
    [InlineData("sel_a | count() > 5", "obsolete", 6)]
    [InlineData("sel_a near sel_b", "obsolete", 6)]
    [InlineData("2 of sel_*", "only '1 of' and 'all of'", 0)]
    [InlineData("1 of", "pattern or 'them' expected", 4)]
    [InlineData("and sel_a", "where a search identifier was expected", 0)]
    public void Malformed_conditions_are_rejected_with_the_offset(string condition, string reason, int offset)
    {
        var parsed = SigmaConditionParser.TryParse(condition, out var error, out var errorOffset);

        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(offset, errorOffset);
    }

    [Fact]
    public void A_condition_naming_an_undefined_identifier_is_a_load_error_at_the_condition()
    {
        var error = SingleError(Rule("""
            selection:
                A: 1
            condition: selection and filter
            """));

        Assert.Equal("bad.yml", error.File);
        Assert.Equal(9, error.Line);
        Assert.Contains("'filter' is not defined", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_matching_no_identifier_is_a_load_error()
    {
        var error = SingleError(Rule("""
            selection:
                A: 1
            condition: 1 of filter_*
            """));

        Assert.Contains("no search identifier matches 'filter_*'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var condition = new string('(', 10_000) + "a" + new string(')', 10_000);

        Assert.Null(SigmaConditionParser.TryParse(condition, out var error, out _));
        Assert.Contains("deeper than", error, StringComparison.Ordinal);
    }
}
