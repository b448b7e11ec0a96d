namespace Rampart.Accounts.Sigma;

/// <summary>
/// Numbers every distinct field (set of candidate paths) of a rule set, so an event resolves each
/// one once however many rules test it.
/// </summary>
internal sealed class FieldSlots
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FieldPath[]> _paths = [];
    private readonly SigmaFieldAliases _aliases;

    public FieldSlots(SigmaFieldAliases aliases) => _aliases = aliases;

    public int Count => _paths.Count;

    public int SlotFor(SigmaLogSource ruleSource, string field)
    {
        var candidates = FieldPath.CandidatesFor(field, _aliases.PathsFor(ruleSource, field));
        var key = string.Join('\u0002', candidates.Select(c => c.ToString()));
        if (!_byKey.TryGetValue(key, out var slot))
        {
            slot = _paths.Count;
            _paths.Add([.. candidates]);
            _byKey[key] = slot;
        }

        return slot;
    }

    public FieldPath[] PathsOf(int slot) => _paths[slot];

    public FieldPath[][] ToArray() => [.. _paths];
}
