using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The rules of one log source selected by the values of several fields at once (<see cref="OperationRuleIndex"/>):
/// SigmaHQ's sign-in and directory audit rules gate on different fields (Status, AuthenticationRequirement,
/// ResultDescription, Category, LoggedByService…), and indexed by the most common one alone, every rule gated on
/// another was tested on every record of its log source. Each field's value gets a number per raw spelling; the
/// numbers together key the subset, made once, in the set's order. A field that is absent, not text or too long,
/// or a value past the bound, restricts nothing: the rules it gates are tested, as without the index.
/// </summary>
internal sealed class FieldGates
{
    /// <summary>Fields per log source: four 16-bit value numbers make one 64-bit subset key.</summary>
    public const int MaxFields = 4;

    /// <summary>Distinct values numbered per field, and subsets kept; past these, values restrict nothing and subsets are made each time.</summary>
    private const int MaxValues = 4096;

    private readonly CompiledRule[] _all;
    private readonly string[] _fields;
    private readonly RuleGate?[] _gates;
    // Per rule: the position of its gate's field in _fields, or -1 when it is tested on every record.
    private readonly int[] _fieldOf;
    private readonly ByteKeyedTable<int>[] _ids;
    private readonly List<string>[] _texts;
    private readonly Dictionary<ulong, CompiledRule[]> _subsets = [];

    /// <param name="all">The log source's rules, in the set's order.</param>
    /// <param name="fields">The gate fields to select by, at most <see cref="MaxFields"/>.</param>
    /// <param name="gates">Each rule's gate (any field), by position in <paramref name="all"/>.</param>
    public FieldGates(CompiledRule[] all, string[] fields, RuleGate?[] gates)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fields.Length, MaxFields);
        _all = all;
        _fields = fields;
        _gates = gates;
        _fieldOf = [.. gates.Select(g => g is null ? -1 : Array.FindIndex(fields, f => string.Equals(f, g.Field, StringComparison.OrdinalIgnoreCase)))];
        _ids = [.. fields.Select(_ => new ByteKeyedTable<int>())];
        _texts = [.. fields.Select(_ => new List<string>())];
    }

    /// <summary>The rules <paramref name="record"/> can match, in the set's order.</summary>
    public CompiledRule[] RulesFor(EventRecord record)
    {
        Span<int> ids = stackalloc int[MaxFields];
        ulong key = 0;
        for (var f = 0; f < _fields.Length; f++)
        {
            ids[f] = ValueId(f, record);
            key |= (ulong)(uint)ids[f] << (16 * f);
        }

        if (_subsets.TryGetValue(key, out var subset))
        {
            return subset;
        }

        subset = Select(ids);
        if (_subsets.Count < MaxValues)
        {
            _subsets.Add(key, subset);
        }

        return subset;
    }

    /// <summary>The number of field <paramref name="f"/>'s value in <paramref name="record"/>; 0 when it restricts nothing.</summary>
    private int ValueId(int f, EventRecord record)
    {
        if (!record.TryGet(_fields[f], out var value) || value.Kind != JsonTokenType.String || RawJson.MaxChars(value) > OperationRuleIndex.MaxValueChars)
        {
            return 0;
        }

        var raw = record.Utf8.Slice(value.Start, value.Length);
        if (_ids[f].TryGetValue(raw, out var id))
        {
            return id;
        }

        if (_ids[f].Count >= MaxValues)
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[OperationRuleIndex.MaxValueChars];
        _texts[f].Add(buffer[..RawJson.Decode(record.Utf8, value, buffer)].ToString());
        id = _texts[f].Count;
        _ids[f].Add(raw, id);
        return id;
    }

    private CompiledRule[] Select(ReadOnlySpan<int> ids)
    {
        var subset = new List<CompiledRule>();
        for (var i = 0; i < _all.Length; i++)
        {
            var f = _fieldOf[i];
            if (f < 0 || ids[f] == 0 || _gates[i]!.Admits(_texts[f][ids[f] - 1]))
            {
                subset.Add(_all[i]);
            }
        }

        return [.. subset];
    }
}
