namespace Rampart.Intel.Attack;

/// <summary>What the imported ATT&amp;CK bundles say an actor does: techniques by tactic, and the software it uses.</summary>
public sealed record ActorAttackProfile(IReadOnlyList<string> Groups, IReadOnlyList<AttackTechnique> Techniques, IReadOnlyList<string> Software)
{
    /// <summary>Tactic → techniques, tactics in the order ATT&amp;CK lists them when known, then by name.</summary>
    public IReadOnlyList<(string Tactic, IReadOnlyList<AttackTechnique> Techniques)> ByTactic =>
        Techniques.SelectMany(t => t.Tactics.DefaultIfEmpty("(no tactic)").Select(tactic => (tactic, t)))
            .GroupBy(p => p.tactic, StringComparer.Ordinal)
            .OrderBy(g => TacticOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<AttackTechnique>)g.Select(p => p.t).OrderBy(t => t.AttackId, StringComparer.Ordinal).ToList()))
            .ToList();

    private static readonly string[] Order =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation", "defense-evasion",
        "credential-access", "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact",
    ];

    private static int TacticOrder(string tactic) => Array.IndexOf(Order, tactic) is var i and >= 0 ? i : Order.Length;
}
