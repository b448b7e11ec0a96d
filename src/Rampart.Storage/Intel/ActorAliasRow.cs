namespace Rampart.Storage.Intel;

/// <summary>An <c>actor_aliases</c> row as Dapper reads it.</summary>
internal sealed class ActorAliasRow
{
    public string ActorId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Source { get; set; } = "";
}
