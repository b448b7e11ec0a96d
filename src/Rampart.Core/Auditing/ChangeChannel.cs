namespace Rampart.Core.Auditing;

/// <summary>Where a change came from, for the audit trail.</summary>
public enum ChangeChannel
{
    Cli,
    Api,
    Console,
    System,
}
