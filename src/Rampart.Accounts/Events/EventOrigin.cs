namespace Rampart.Accounts.Events;

/// <summary>Where a record was read: the file and the 1-based line its text starts on.</summary>
public readonly record struct EventOrigin(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
