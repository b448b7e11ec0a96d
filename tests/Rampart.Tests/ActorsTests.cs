using System.Text.Json;

namespace Rampart.Tests;

public sealed class ActorsTests
{
    private static readonly string Data = RampartCli.NewDataFolder();

    [Theory]
    [InlineData("strontium", new[] { "APT28", "Fancy Bear" }, new[] { "APT29", "Cozy Bear" })]
    [InlineData("emerald sleet", new[] { "Kimsuky", "THALLIUM" }, new[] { "Lazarus Group", "Opal Sleet" })]
    [InlineData("barium", new[] { "APT41" }, new[] { "APT17" })]
    [InlineData("KIMSUKY", new[] { "THALLIUM", "Emerald Sleet" }, new[] { "Lazarus Group" })]
    public async Task Show_finds_one_actor_with_all_its_names_and_none_of_another(string name, string[] present, string[] absent)
    {
        var result = await RampartCli.RunAsync(Data, "actors", "show", name, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var actor = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray());
        var names = actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var expected in present)
        {
            Assert.Contains(expected, names);
        }

        foreach (var unexpected in absent)
        {
            Assert.DoesNotContain(unexpected, names);
        }
    }

    [Theory]
    [InlineData("grizzly steppe")]
    [InlineData("apt43")]
    public async Task A_name_of_several_actors_lists_the_candidates(string name)
    {
        var result = await RampartCli.RunAsync(Data, "actors", "show", name, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength() > 1);
    }

    [Fact]
    public async Task The_text_view_shows_names_country_and_attack_id()
    {
        var result = await RampartCli.RunAsync(Data, "actors", "show", "Thallium");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Kimsuky", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("KP", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("G0094", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_by_country_names_north_korean_actors_apart()
    {
        var result = await RampartCli.RunAsync(Data, "actors", "list", "--country", "kp", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("Kimsuky", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("Lazarus", StringComparison.OrdinalIgnoreCase) && !l.Contains("Kimsuky", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_name_is_an_error_with_a_hint()
    {
        var result = await RampartCli.RunAsync(Data, "actors", "show", "no such actor 4711");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no actor is named", result.Stderr, StringComparison.Ordinal);
    }
}
