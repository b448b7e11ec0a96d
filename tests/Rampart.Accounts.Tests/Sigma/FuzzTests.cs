using System.Text.Json;
using CsCheck;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

/// <summary>Hostile input never escapes as an exception: the loader and the condition parser answer with errors.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "title: t\n", "logsource:\n", "    product: m365\n", "detection:\n", "    selection:\n", "        F|contains: x\n",
        "        F|re: '(a'\n", "        F|base64offset|contains: abc\n", "        F|cidr: 10.0.0.0/8\n", "    condition: selection\n",
        "    condition: 1 of sel*\n", "    condition: (selection\n", "correlation:\n", "    type: event_count\n", "    rules: [a]\n",
        "    timespan: 1h\n", "    condition: {gte: 2}\n", "---\n", "action: global\n", "action: repeat\n", "filter:\n", "    rules: any\n",
        "  - x\n", "{", "}", "[", "]", ": ", "'", "\"", "&a ", "*a ", "!!binary ", "\t", "|", ">", "%YAML 1.2\n", "? ", "- - -\n",
    ];

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    [Fact]
    public void The_loader_never_throws_on_arbitrary_yaml()
    {
        var fragments = Gen.OneOf(Pick(Fragments), Gen.String);
        fragments.Array[0, 30].Select(string.Concat).Sample(text =>
        {
            var loaded = SigmaLoader.LoadText(text, "fuzz.yml");
            var set = SigmaRuleSet.Compile(loaded.Documents);
            using var document = JsonDocument.Parse("""{"F":"x","a":[1,{"b":"c"}]}""");
            set.CreateEvaluator().Evaluate(new SigmaLogSource("m365", null, null), document.RootElement, DateTimeOffset.UnixEpoch, []);
        }, iter: 3000);
    }

    [Fact]
    public void The_condition_parser_never_throws_and_reports_an_offset_inside_the_text()
    {
        var tokens = Pick(["a", "b_*", "and", "or", "not", "(", ")", "1", "all", "of", "them", "|", "near", " ", "x*y"]);
        tokens.Array[0, 40].Select(t => string.Join(' ', t)).Sample(text =>
        {
            var parsed = SigmaConditionParser.TryParse(text, out var error, out var offset);
            Assert.True(parsed is not null || (error is not null && offset >= 0 && offset <= text.Length));
        }, iter: 5000);
    }

    [Fact]
    public void Arbitrary_strings_as_condition_never_throw()
    {
        Gen.String.Sample(text => { SigmaConditionParser.TryParse(text, out _, out _); }, iter: 5000);
    }
}
