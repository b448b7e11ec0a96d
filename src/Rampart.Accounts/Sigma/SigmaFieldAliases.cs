namespace Rampart.Accounts.Sigma;

/// <summary>
/// Where a rule's field lives in events of a log source. Field names already match case-insensitively
/// and by dotted path (<c>Status.errorCode</c>); aliases add other places, e.g. a reader that keeps
/// Entra's <c>properties.</c> prefix. Immutable: <see cref="With"/> returns a new map.
/// </summary>
public sealed class SigmaFieldAliases
{
    private readonly IReadOnlyList<(SigmaLogSource Scope, string Field, string Path)> _entries;

    private SigmaFieldAliases(IReadOnlyList<(SigmaLogSource, string, string)> entries) => _entries = entries;

    public static readonly SigmaFieldAliases Empty = new([]);

    /// <summary>
    /// The built-in map. SigmaHQ's m365 rules name Cloud App Security fields (<c>eventSource</c>,
    /// <c>eventName</c>, <c>status</c>); in Unified Audit Log records they are <c>Workload</c>,
    /// <c>Operation</c> and <c>ResultStatus</c>; <c>status</c> is first looked up as <c>Outcome</c>,
    /// which the readers write in the rules' spelling (<c>success</c>) where <c>ResultStatus</c> says
    /// Succeeded or True. Windows-style event JSON (<c>Event.EventData.X</c>,
    /// <c>Event.System.X</c>) answers for <c>X</c> in every log source without an entry here: the
    /// resolver tries those places itself.
    /// </summary>
    public static readonly SigmaFieldAliases BuiltIn = Empty
        .With(new SigmaLogSource("m365", null, null), "eventSource", "Workload")
        .With(new SigmaLogSource("m365", null, null), "eventName", "Operation")
        .With(new SigmaLogSource("m365", null, null), "status", "Outcome")
        .With(new SigmaLogSource("m365", null, null), "status", "ResultStatus");

    /// <summary>A map with one more alias: in rules whose log source <paramref name="scope"/> covers, <paramref name="field"/> may be at <paramref name="path"/>.</summary>
    public SigmaFieldAliases With(SigmaLogSource scope, string field, string path) =>
        new([.. _entries, (scope, field, path)]);

    /// <summary>The alias paths for a field of a rule with log source <paramref name="ruleSource"/>, in the order added.</summary>
    public IEnumerable<string> PathsFor(SigmaLogSource ruleSource, string field)
    {
        foreach (var (scope, aliasField, path) in _entries)
        {
            if (scope.Covers(ruleSource) && string.Equals(aliasField, field, StringComparison.OrdinalIgnoreCase))
            {
                yield return path;
            }
        }
    }
}
