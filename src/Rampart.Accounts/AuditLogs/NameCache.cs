using System.Text.Json;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Field names as strings, one instance per spelling: a log repeats the same few hundred names in
/// every record, so after the first records no name is allocated again. Bounded, because a hostile
/// log can invent names without end; past the bound names are allocated and not kept.
/// </summary>
internal sealed class NameCache
{
    private const int MaxNames = 8192;
    private const int StackChars = 256;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameCache() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name of the reader's current property name or string token, unescaped.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        Span<char> buffer = max <= StackChars ? stackalloc char[StackChars] : new char[max];
        return Get(buffer[..reader.CopyString(buffer)]);
    }

    public string Get(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var text = name.ToString();
        if (_names.Count < MaxNames)
        {
            _names.Add(text, text);
        }

        return text;
    }
}
