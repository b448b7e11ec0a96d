namespace Rampart.Accounts.Events;

/// <summary>
/// The Sigma logsource an event belongs to: rules select events by it. A part is null when the
/// source does not define it (UAL events have no category; Entra events have no category either).
/// </summary>
public sealed record Logsource(string? Product, string? Service, string? Category = null)
{
    public override string ToString() => string.Join('/', new[] { Product, Service, Category }.Where(p => p is not null));
}
