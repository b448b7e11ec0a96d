namespace Rampart.Accounts.Scanning;

/// <summary>How often one rule matched in a scan, and for which accounts.</summary>
public sealed class RuleTally(string title, string? level)
{
    public string Title => title;

    public string? Level => level;

    public long Matches { get; set; }

    public HashSet<string> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);
}
