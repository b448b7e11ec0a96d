using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The rules of one log source selected by the values of several fields at once (<see cref="OperationRuleIndex"/>):
/// SigmaHQ's sign-in and directory audit rules gate on different fields (Status, AuthenticationRequirement,
/// ResultDescription, Category, LoggedByService…), and indexed by the most common one alone, every rule gated on
/// another was tested on every record of its log source. Each field's value (by its raw spelling) gives a mask of
/// the rules it admits; the masks' intersection keys the subset, made once, in the set's order. The subsets are
/// as many as the combinations that occur, however many values the fields take. A field that is absent, not
/// text or too long, or a value past the bound, restricts nothing: the rules it gates are tested, as without the index.
/// </summary>
internal sealed class FieldGates
{
    /// <summary>Fields per log source.</summary>
    public const int MaxFields = 4;

    /// <summary>Rules per log source: one bit each in a 64-bit mask.</summary>
    public const int MaxRules = 64;

    /// <summary>Distinct values remembered per field, and subsets kept; past these, values restrict nothing and subsets are made each time.</summary>
    private const int MaxValues = 4096;

    private readonly CompiledRule[] _all;
    private readonly string[] _fields;
    private readonly RuleGate?[] _gates;
    // Per rule: the position of its gate's field in _fields, or -1 when it is tested on every record.
    private readonly int[] _fieldOf;
    private readonly ByteKeyedTable<ulong>[] _masks;
    private readonly Dictionary<ulong, CompiledRule[]> _subsets = [];

    /// <param name="all">The log source's rules, in the set's order (at most <see cref="MaxRules"/>).</param>
    /// <param name="fields">The gate fields to select by, at most <see cref="MaxFields"/>.</param>
    /// <param name="gates">Each rule's gate (any field), by position in <paramref name="all"/>.</param>
    public FieldGates(CompiledRule[] all, string[] fields, RuleGate?[] gates)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fields.Length, MaxFields);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(all.Length, MaxRules);
        _all = all;
        _fields = fields;
        _gates = gates;
        _fieldOf = [.. gates.Select(g => g is null ? -1 : Array.FindIndex(fields, f => string.Equals(f, g.Field, StringComparison.OrdinalIgnoreCase)))];
        _masks = [.. fields.Select(_ => new ByteKeyedTable<ulong>())];
    }

    /// <summary>The rules <paramref name="record"/> can match, in the set's order.</summary>
    public CompiledRule[] RulesFor(EventRecord record)
    {
        var admitted = ulong.MaxValue;
        for (var f = 0; f < _fields.Length; f++)
        {
            admitted &= Admitted(f, record);
        }

        if (_subsets.TryGetValue(admitted, out var subset))
        {
            return subset;
        }

        subset = [.. _all.Where((_, i) => (admitted & (1UL << i)) != 0)];
        if (_subsets.Count < MaxValues)
        {
            _subsets.Add(admitted, subset);
        }

        return subset;
    }

    /// <summary>The rules field <paramref name="f"/>'s value in <paramref name="record"/> admits, as bits: those it gates that its value passes, and every other.</summary>
    private ulong Admitted(int f, EventRecord record)
    {
        if (!record.TryGet(_fields[f], out var value) || value.Kind != JsonTokenType.String || RawJson.MaxChars(value) > OperationRuleIndex.MaxValueChars)
        {
            return ulong.MaxValue;
        }

        var raw = record.Utf8.Slice(value.Start, value.Length);
        if (_masks[f].TryGetValue(raw, out var mask))
        {
            return mask;
        }

        if (_masks[f].Count >= MaxValues)
        {
            return ulong.MaxValue;
        }

        Span<char> buffer = stackalloc char[OperationRuleIndex.MaxValueChars];
        var text = buffer[..RawJson.Decode(record.Utf8, value, buffer)];
        mask = ulong.MaxValue;
        for (var i = 0; i < _all.Length; i++)
        {
            if (_fieldOf[i] == f && !_gates[i]!.Admits(text))
            {
                mask &= ~(1UL << i);
            }
        }

        _masks[f].Add(raw, mask);
        return mask;
    }
}
