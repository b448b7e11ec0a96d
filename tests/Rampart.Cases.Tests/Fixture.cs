namespace Rampart.Cases.Tests;

/// <summary>The test's own fixture files, copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static StreamReader Open(string name) => new(Path(name));
}
