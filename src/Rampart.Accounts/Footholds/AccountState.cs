namespace Rampart.Accounts.Footholds;

/// <summary>What the replay gathers for one account before it is classified.</summary>
internal sealed class AccountState(string account)
{
    public string Account { get; } = account;

    public List<Finding> Findings { get; } = [];

    public List<FootholdState> Footholds { get; } = [];

    public List<PasswordEvent> Resets { get; } = [];

    public List<PasswordEvent> Revocations { get; } = [];

    public List<(DateTimeOffset? Time, string Text, Evidence Evidence)> Removals { get; } = [];

    public SortedSet<string> Actors { get; } = new(StringComparer.Ordinal);
}
