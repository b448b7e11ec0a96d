using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// An event as the rules see it: a table of its top-level fields (name → where the value is in
/// <see cref="Utf8"/>), first spelling wins when names differ only in case. Nothing here is a
/// document: values are decoded only when a rule compares them. Reused from event to event.
/// <para>
/// A record from the reader (<see cref="Begin"/>) is the normalized record without writing it: the
/// table points into a copy of the source record, and what normalization adds is done when it is
/// first needed: a string holding JSON (Sentinel's nested values) is parsed when its field is read,
/// and name-value arrays become <c>Array.Name</c> fields when a dotted name under one of them is
/// asked for (<see cref="Flatten"/>). <see cref="ToNormalizedJson"/> writes the normalized record
/// out for the few events that are kept. A record given as JSON (<see cref="Load"/>) is indexed as it is.
/// </para>
/// </summary>
internal sealed partial class EventRecord
{
    private const int EmbeddedMaxDepth = 64;
    private static readonly JsonReaderOptions ScanOptions = new() { MaxDepth = 256 };
    private static readonly JsonReaderOptions EmbeddedOptions = new() { MaxDepth = EmbeddedMaxDepth };

    [Flags]
    private enum EntryFlags : byte
    {
        None = 0,
        // A string whose text may be JSON: parsed (or found not to be) when the field is first read.
        MaybeEmbedded = 1,
        // A name-value array's item; its raw name is in _flatNames.
        Flattened = 2,
        // The outcome the reader adds; written last by ToNormalizedJson, as the reader always did.
        Outcome = 4,
        // An array whose items are in the table already (flattened alone, see NeedsFlatten).
        ItemsAdded = 8,
    }

    private readonly NameTable _names;
    private readonly RecordMembers _item;
    private int _count;
    private int[] _folds = new int[64];
    private string[] _spellings = new string[64];
    private RawValue[] _values = new RawValue[64];
    private int[] _nameStarts = new int[64];
    private int[] _nameLengths = new int[64];
    private EntryFlags[] _flags = new EntryFlags[64];
    private int[] _entryOfFold = new int[256];
    private int[] _foldStamp = new int[256];
    private int _generation;
    // Entries that are arrays or may be JSON arrays in a string: the only ones flattening can start from.
    private readonly List<int> _arrays = [];
    private byte[] _buffer = new byte[16 * 1024];
    private int _used;
    private int _recordLength;
    private int _reserved;
    private bool _normalizing;
    private bool _flattened;
    // Entries from here on are flattened items; -1 while none was flattened. Set when one array was flattened alone.
    private int _firstFlat = -1;
    private bool _flattenedAlone;
    private byte[] _flatNames = new byte[1024];
    private int _flatNamesUsed;

    public EventRecord()
        : this(new NameTable())
    {
    }

    /// <summary>A record whose names come from <paramref name="names"/> (the reader's, shared with its member tables).</summary>
    internal EventRecord(NameTable names)
    {
        _names = names;
        _item = new RecordMembers(names);
    }

    /// <summary>
    /// The bytes values point into: the record, then what normalization wrote (parsed JSON strings,
    /// trimmed operation names, the outcome). The array does not change while an event is evaluated
    /// (room for lazily parsed strings is reserved when the record is built), so spans of it stay valid.
    /// </summary>
    public ReadOnlySpan<byte> Utf8 => _buffer;

    /// <summary>Fields in the table (flattened ones only once <see cref="Flatten"/> ran).</summary>
    public int Count => _count;

    /// <summary>Starts a record from the reader: copies <paramref name="json"/>, whose members are then added with <see cref="TryAdd"/>.</summary>
    public ReadOnlyMemory<byte> Begin(ReadOnlySpan<byte> json)
    {
        Start(json, normalizing: true);
        return _buffer.AsMemory(0, json.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Start(ReadOnlySpan<byte> json, bool normalizing)
    {
        _names.ClearIfFull();
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_foldStamp);
        }

        _count = 0;
        _arrays.Clear();
        _flatNamesUsed = 0;
        _reserved = 0;
        _normalizing = normalizing;
        _flattened = false;
        _firstFlat = -1;
        _flattenedAlone = false;
        _used = 0;
        Reserve(json.Length);
        json.CopyTo(_buffer);
        _used = _recordLength = json.Length;
    }

    /// <summary>Claims the field <paramref name="fold"/> for a member of the record; false when a field of that name (case ignored) came first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(int fold, string name, int nameStart, int nameLength, RawValue value, out int index)
    {
        if (fold >= _foldStamp.Length)
        {
            Array.Resize(ref _foldStamp, Math.Max(fold + 1, _foldStamp.Length * 2));
            Array.Resize(ref _entryOfFold, _foldStamp.Length);
        }

        if (_foldStamp[fold] == _generation)
        {
            index = -1;
            return false;
        }

        index = _count++;
        if (index == _values.Length)
        {
            var size = index * 2;
            Array.Resize(ref _folds, size);
            Array.Resize(ref _spellings, size);
            Array.Resize(ref _values, size);
            Array.Resize(ref _nameStarts, size);
            Array.Resize(ref _nameLengths, size);
            Array.Resize(ref _flags, size);
        }

        _foldStamp[fold] = _generation;
        _entryOfFold[fold] = index;
        _folds[index] = fold;
        _spellings[index] = name;
        _values[index] = value;
        _nameStarts[index] = nameStart;
        _nameLengths[index] = nameLength;
        _flags[index] = EntryFlags.None;
        if (value.Kind == JsonTokenType.StartArray)
        {
            _arrays.Add(index);
        }

        return true;
    }

    public void Set(int index, RawValue value) => _values[index] = value;

    /// <summary>Writes <paramref name="bytes"/> after the record (while it is built) and says where.</summary>
    public int Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        var start = _used;
        bytes.CopyTo(_buffer.AsSpan(start));
        _used += bytes.Length;
        return start;
    }

    /// <summary>Adds the reader's outcome field (after every member of the record, as the reader writes it).</summary>
    public void AddOutcome(ReadOnlySpan<byte> quotedValue)
    {
        var nameStart = Append("Outcome"u8);
        var id = _names.Id("Outcome"u8, escaped: false);
        if (TryAdd(_names.Fold(id), _names.Name(id), nameStart, "Outcome".Length, default, out var index))
        {
            var start = Append(quotedValue);
            _values[index] = new RawValue(JsonTokenType.String, start, quotedValue.Length);
            _flags[index] = EntryFlags.Outcome;
        }
    }

    /// <summary>True when a quoted string may hold JSON: its text starts with <c>{</c>, <c>[</c> or an escape (white space first allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool MayBeEmbedded(ReadOnlySpan<byte> quoted)
    {
        var text = quoted[1..^1];
        if (text.IsEmpty)
        {
            return false;
        }

        // Almost every string starts with its text: one byte decides, without a vector search.
        if (text[0] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return text[0] is (byte)'{' or (byte)'[' or (byte)'\\';
        }

        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && text[first] is (byte)'{' or (byte)'[' or (byte)'\\';
    }

    /// <summary>Marks a string member as maybe JSON; it is parsed when first read (room for it is reserved now).</summary>
    public void MarkMaybeEmbedded(int index)
    {
        _flags[index] |= EntryFlags.MaybeEmbedded;
        _reserved += _values[index].Length;
        _arrays.Add(index);
    }

    /// <summary>Ends building: from here on the buffer does not move (lazily parsed strings fit in the reserved room).</summary>
    public void Complete() => Reserve(_reserved);

    private void Reserve(int count)
    {
        if (_buffer.Length - _used < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + count));
        }
    }

    /// <summary>
    /// Parses a string member that holds one JSON object or array (Sentinel's nested values) into the
    /// reserved room after the record; text that only looks like it (<c>[KeyIdentifier=…]</c>) stays
    /// text. True when the member is now that object or array.
    /// </summary>
    public bool ResolveEmbedded(int index)
    {
        if ((_flags[index] & EntryFlags.MaybeEmbedded) == 0)
        {
            return false;
        }

        _flags[index] &= ~EntryFlags.MaybeEmbedded;
        var value = _values[index];
        Reserve(value.Length);
        var quoted = _buffer.AsSpan(value.Start, value.Length);
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        var start = _used;
        var length = reader.CopyString(_buffer.AsSpan(start, quoted.Length));
        var unescaped = _buffer.AsSpan(start, length);
        var trimmed = unescaped.Trim(" \t\r\n\f\v"u8);
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']')))
        {
            return false;
        }

        try
        {
            var check = new Utf8JsonReader(unescaped, EmbeddedOptions);
            while (check.Read())
            {
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var leading = unescaped.IndexOfAnyExcept(" \t\r\n"u8);
        var trailing = length - 1 - unescaped.LastIndexOfAnyExcept(" \t\r\n"u8);
        var kind = unescaped[leading] == (byte)'{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
        _values[index] = new RawValue(kind, start + leading, length - leading - trailing);
        _used += length;
        return true;
    }

    /// <summary>The field at <paramref name="index"/> (a JSON string parsed first if it holds JSON).</summary>
    public RawValue ValueAt(int index)
    {
        if ((_flags[index] & EntryFlags.MaybeEmbedded) != 0)
        {
            ResolveEmbedded(index);
        }

        return _values[index];
    }

    /// <summary>A top-level field by name, case ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(string name, out RawValue value)
    {
        if (Find(_names.FoldOf(name), out var index) || (NeedsFlatten(name) && Find(_names.FoldOf(name), out index)))
        {
            value = ValueAt(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A top-level field by name, case ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<char> name, out RawValue value)
    {
        if (Find(_names.FoldOf(name), out var index) || (NeedsFlatten(name) && Find(_names.FoldOf(name), out index)))
        {
            value = ValueAt(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A top-level field spelled exactly <paramref name="name"/>.</summary>
    public bool TryGetExact(string name, out RawValue value)
    {
        if ((Find(_names.FoldOf(name), out var index) || (NeedsFlatten(name) && Find(_names.FoldOf(name), out index)))
            && string.Equals(_spellings[index], name, StringComparison.Ordinal))
        {
            value = ValueAt(index);
            return true;
        }

        value = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Find(int fold, out int index)
    {
        if (fold >= 0 && fold < _foldStamp.Length && _foldStamp[fold] == _generation)
        {
            index = _entryOfFold[fold];
            return true;
        }

        index = -1;
        return false;
    }

    private ReadOnlySpan<byte> RawName(int index) =>
        (_flags[index] & EntryFlags.Flattened) != 0
            ? _flatNames.AsSpan(_nameStarts[index], _nameLengths[index])
            : _buffer.AsSpan(_nameStarts[index], _nameLengths[index]);

    /// <summary>Parses every string that holds JSON and flattens the name-value arrays: the whole normalized record in the table.</summary>
    public void Prepare()
    {
        Flatten();
        for (var i = 0; i < _count; i++)
        {
            ValueAt(i);
        }
    }

    /// <summary>
    /// The normalized record as one JSON object: every field in the table, in order, with its own
    /// spelling (the outcome last), as <c>AuditEvent.Data</c> reads it.
    /// </summary>
    public byte[] ToNormalizedJson()
    {
        if (!_normalizing)
        {
            return _buffer.AsSpan(0, _recordLength).ToArray();
        }

        if (_flattenedAlone)
        {
            Reflatten();
        }

        Prepare();
        var size = 2;
        for (var i = 0; i < _count; i++)
        {
            size += 4 + _nameLengths[i] + _values[i].Length;
        }

        var json = new byte[size];
        var at = 0;
        json[at++] = (byte)'{';
        var outcome = -1;
        for (var i = 0; i < _count; i++)
        {
            if ((_flags[i] & EntryFlags.Outcome) != 0)
            {
                outcome = i;
                continue;
            }

            at = Write(json, at, i);
        }

        if (outcome >= 0)
        {
            at = Write(json, at, outcome);
        }

        json[at++] = (byte)'}';
        return json;
    }

    private int Write(byte[] json, int at, int index)
    {
        json[at] = (byte)(at == 1 ? ' ' : ',');
        at++;
        json[at++] = (byte)'"';
        RawName(index).CopyTo(json.AsSpan(at));
        at += _nameLengths[index];
        json[at++] = (byte)'"';
        json[at++] = (byte)':';
        var value = _values[index];
        _buffer.AsSpan(value.Start, value.Length).CopyTo(json.AsSpan(at));
        return at + value.Length;
    }

    /// <summary>
    /// Copies one JSON object (already valid JSON: from a document or the reader) and indexes its
    /// top-level members in one reader pass, as it is (no normalization); the names come from the
    /// bounded name table, so after the first events this allocates nothing. False when the value is not an object.
    /// </summary>
    public bool Load(ReadOnlySpan<byte> json)
    {
        Start(json, normalizing: false);
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, json.Length), ScanOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            var id = _names.Id(ref reader);
            reader.Read();
            var value = RawJson.Current(ref reader, 0);
            TryAdd(_names.Fold(id), _names.Name(id), nameStart, nameLength, value, out _);
        }

        return true;
    }
}
