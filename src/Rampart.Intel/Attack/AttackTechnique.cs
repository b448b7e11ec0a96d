namespace Rampart.Intel.Attack;

/// <summary>
/// An ATT&amp;CK technique an actor uses: its id (T1437), name and the tactics (kill chain phases) it
/// serves; <see cref="Via"/> names the software when ATT&amp;CK ties the technique to the actor's software, not to the group.
/// </summary>
public sealed record AttackTechnique(string? AttackId, string Name, IReadOnlyList<string> Tactics, string? Via = null)
{
    public override string ToString() => Via is null ? $"{AttackId} {Name}" : $"{AttackId} {Name} (via {Via})";
}
