using System.Text.Json;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// An event as the rules see it: the UTF-8 bytes of one JSON object and a table of its top-level
/// members (name → where the value is), first spelling wins when names differ only in case. The
/// reader fills the table while it writes the normalized record, so rules look fields up without
/// parsing the record again; an event given as JSON is scanned once (<see cref="Load"/>). Nothing
/// here is a document: values are decoded only when a rule compares them. Reused from event to event.
/// </summary>
internal sealed class EventRecord
{
    private static readonly JsonReaderOptions ScanOptions = new() { MaxDepth = 256 };

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly NameCache _names = new();
    private RawValue[] _values = new RawValue[64];
    private string[] _spellings = new string[64];
    private byte[] _own = [];

    public EventRecord() => _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The buffer the values point into (the reader's output buffer, or this record's own copy).</summary>
    public byte[] Buffer { get; private set; } = [];

    /// <summary>Where the record's root object ends in <see cref="Buffer"/>.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Utf8 => Buffer.AsSpan(0, Length);

    public RawValue Root => new(JsonTokenType.StartObject, 0, Length);

    public int Count => _index.Count;

    /// <summary>Starts a record whose members are added with <see cref="TryAdd"/> and <see cref="Set"/>.</summary>
    public void Clear()
    {
        _index.Clear();
        Length = 0;
    }

    /// <summary>Claims <paramref name="name"/> for the next member; false when a member of that name (case ignored) came first.</summary>
    public bool TryAdd(string name, out int index)
    {
        index = _index.Count;
        if (!_index.TryAdd(name, index))
        {
            return false;
        }

        if (_values.Length <= index)
        {
            Array.Resize(ref _values, _values.Length * 2);
            Array.Resize(ref _spellings, _values.Length);
        }

        _values[index] = default;
        _spellings[index] = name;
        return true;
    }

    public void Set(int index, RawValue value) => _values[index] = value;

    /// <summary>Points the record at its final bytes (the buffer may have grown while it was written).</summary>
    public void Complete(byte[] buffer, int length)
    {
        Buffer = buffer;
        Length = length;
    }

    /// <summary>A top-level member by name, case ignored.</summary>
    public bool TryGet(string name, out RawValue value)
    {
        if (_index.TryGetValue(name, out var index))
        {
            value = _values[index];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A top-level member spelled exactly <paramref name="name"/>.</summary>
    public bool TryGetExact(string name, out RawValue value)
    {
        if (_index.TryGetValue(name, out var index) && string.Equals(_spellings[index], name, StringComparison.Ordinal))
        {
            value = _values[index];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A top-level member by name, case ignored.</summary>
    public bool TryGet(ReadOnlySpan<char> name, out RawValue value)
    {
        if (_lookup.TryGetValue(name, out var index))
        {
            value = _values[index];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Copies one JSON object (already valid JSON: from a document or the reader) and indexes its
    /// top-level members in one reader pass; the names come from a bounded cache, so after the first
    /// events this allocates nothing. False when the value is not an object.
    /// </summary>
    public bool Load(ReadOnlySpan<byte> json)
    {
        if (_own.Length < json.Length)
        {
            _own = new byte[Math.Max(json.Length, _own.Length * 2)];
        }

        json.CopyTo(_own);
        Clear();
        Complete(_own, json.Length);
        var reader = new Utf8JsonReader(_own.AsSpan(0, json.Length), ScanOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = _names.Get(ref reader);
            reader.Read();
            var value = RawJson.Current(ref reader, 0);
            if (TryAdd(name, out var index))
            {
                Set(index, value);
            }
        }

        return true;
    }
}
