namespace Rampart.Accounts.Footholds;

/// <summary>Sigma's levels in order, so findings can be compared and the worst one kept.</summary>
internal static class Levels
{
    public const string Critical = "critical";
    public const string High = "high";

    public static int Rank(string? level) => level?.ToLowerInvariant() switch
    {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };

    public static string Max(string a, string b) => Rank(b) > Rank(a) ? b : a;

    /// <summary>High and critical findings are signs of compromise: they open the window.</summary>
    public static bool OpensWindow(string? level) => Rank(level) >= 3;
}
