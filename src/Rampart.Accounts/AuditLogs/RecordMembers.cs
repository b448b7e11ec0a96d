using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// The members of one JSON object, cut out of the record's bytes by a single reader pass: each
/// member's name (from the <see cref="NameTable"/>, so reading a record allocates no names) and
/// where its value's raw bytes are. Enough to recognise a record's shape and to index its values
/// for rules without parsing them into a document. Reused per record.
/// </summary>
internal sealed class RecordMembers(NameTable names)
{
    private readonly List<RecordMember> _members = [];
    // The first member of each fold (name ignoring case), valid where _stamp equals _generation.
    private int[] _first = new int[256];
    private int[] _stamp = new int[256];
    private int _generation;

    public ReadOnlyMemory<byte> Record { get; private set; }

    public int Count => _members.Count;

    public RecordMember this[int index] => _members[index];

    public ReadOnlySpan<RecordMember> All => CollectionsMarshal.AsSpan(_members);

    /// <summary>
    /// Reads the object that starts at the reader's current token (StartObject) up to its end,
    /// validating every value on the way; <paramref name="baseOffset"/> is where the reader's input
    /// starts in <paramref name="record"/>. Throws <see cref="JsonException"/> for invalid JSON.
    /// </summary>
    public void Read(ReadOnlyMemory<byte> record, ref Utf8JsonReader reader, int baseOffset)
    {
        Start(record);
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            var nameStart = baseOffset + (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            var id = names.Id(ref reader);
            reader.Read();
            var kind = reader.TokenType;
            var valueStart = baseOffset + (int)reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            Add(id, nameStart, nameLength, valueStart, baseOffset + (int)reader.BytesConsumed - valueStart, kind);
        }
    }

    private void Start(ReadOnlyMemory<byte> record)
    {
        Record = record;
        _members.Clear();
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_stamp);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int id, int nameStart, int nameLength, int valueStart, int valueLength, JsonTokenType kind)
    {
        var fold = names.Fold(id);
        if (fold >= _stamp.Length)
        {
            Array.Resize(ref _stamp, Math.Max(fold + 1, _stamp.Length * 2));
            Array.Resize(ref _first, _stamp.Length);
        }

        if (_stamp[fold] != _generation)
        {
            _stamp[fold] = _generation;
            _first[fold] = _members.Count;
        }

        _members.Add(new RecordMember(names.Name(id), fold, nameStart, nameLength, valueStart, valueLength, kind));
    }

    /// <summary>
    /// Reads a record that is one plain JSON object (<see cref="PlainJsonCheck"/>), checking it on the
    /// way: one pass instead of a reader's. False when the check cannot vouch for it (not an object,
    /// non-ASCII text, deep nesting, invalid JSON): <see cref="Read"/> must read it then, and says what is wrong.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadPlain(ReadOnlyMemory<byte> record)
    {
        var json = record.Span;
        var index = ValidJson.SkipWhiteSpace(json, 0);
        if (index >= json.Length || json[index] != (byte)'{')
        {
            return false;
        }

        Start(record);
        index = ValidJson.SkipWhiteSpace(json, index + 1);
        if (index < json.Length && json[index] == (byte)'}')
        {
            return ValidJson.SkipWhiteSpace(json, index + 1) == json.Length;
        }

        while (true)
        {
            if (index >= json.Length || json[index] != (byte)'"')
            {
                return false;
            }

            var nameStart = index + 1;
            var nameEnd = PlainJsonCheck.String(json, index);
            index = nameEnd < 0 ? json.Length : ValidJson.SkipWhiteSpace(json, nameEnd);
            if (index >= json.Length || json[index] != (byte)':')
            {
                return false;
            }

            var valueStart = ValidJson.SkipWhiteSpace(json, index + 1);
            var valueEnd = PlainJsonCheck.Value(json, valueStart, 1);
            if (valueEnd < 0)
            {
                return false;
            }

            // The name's id after its value is checked; an invalid name's text throws here as the reader's look-up would.
            var name = json[nameStart..(nameEnd - 1)];
            Add(names.Id(name, name.Contains((byte)'\\')), nameStart, name.Length, valueStart, valueEnd - valueStart, ValidJson.KindOf(json[valueStart]));
            index = ValidJson.SkipWhiteSpace(json, valueEnd);
            if (index >= json.Length)
            {
                return false;
            }

            if (json[index] == (byte)'}')
            {
                return ValidJson.SkipWhiteSpace(json, index + 1) == json.Length;
            }

            if (json[index] != (byte)',')
            {
                return false;
            }

            index = ValidJson.SkipWhiteSpace(json, index + 1);
        }
    }

    /// <summary>Reads the object in <paramref name="record"/> at <paramref name="offset"/> (already validated: by an outer pass, or by <see cref="PlainJsonCheck"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadNested(ReadOnlyMemory<byte> record, int offset, int length)
    {
        Start(record);
        foreach (var member in ValidJson.Members(record.Span, new RawValue(JsonTokenType.StartObject, offset, length)))
        {
            var value = member.Value;
            Add(names.Id(member.Name, member.NameIsEscaped), member.NameStart, member.Name.Length, value.Start, value.Length, value.Kind);
        }
    }

    /// <summary>The first member named <paramref name="name"/> ignoring case, an exact match preferred (as <see cref="JsonFields"/> does).</summary>
    public bool TryGet(string name, out RecordMember member)
    {
        if (!TryFirst(name, out var index))
        {
            member = default;
            return false;
        }

        member = _members[index];
        if (!string.Equals(member.Name, name, StringComparison.Ordinal))
        {
            foreach (var candidate in All)
            {
                if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
                {
                    member = candidate;
                    break;
                }
            }
        }

        return true;
    }

    public bool Has(string name) => TryFirst(name, out _);

    private bool TryFirst(string name, out int index)
    {
        var fold = names.FoldOf(name);
        if (fold >= 0 && fold < _stamp.Length && _stamp[fold] == _generation)
        {
            index = _first[fold];
            return true;
        }

        index = -1;
        return false;
    }

    public bool HasExact(string name) => TryGet(name, out var member) && string.Equals(member.Name, name, StringComparison.Ordinal);

    /// <summary>A member's value as text (a string unescaped, a number or boolean as written); null for other kinds or when absent.</summary>
    public string? Text(string name)
    {
        if (!TryGet(name, out var member))
        {
            return null;
        }

        var raw = Raw(member);
        switch (member.Kind)
        {
            case JsonTokenType.String:
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(raw);
            default:
                return null;
        }
    }

    /// <summary>
    /// The one of <paramref name="values"/> that <see cref="Text"/> would read, compared without making the text
    /// (a string without escapes is its bytes); null when it reads as none of them.
    /// </summary>
    public string? OneOf(string name, string[] values)
    {
        if (!TryGet(name, out var member))
        {
            return null;
        }

        var raw = Raw(member);
        if (member.Kind != JsonTokenType.String || raw.Contains((byte)'\\'))
        {
            var text = Text(name);
            return values.FirstOrDefault(v => v == text);
        }

        raw = raw[1..^1];

        foreach (var value in values)
        {
            if (Ascii.Equals(raw, value))
            {
                return value;
            }
        }

        return null;
    }

    public ReadOnlySpan<byte> Raw(RecordMember member) => Record.Span.Slice(member.ValueStart, member.ValueLength);

    public ReadOnlySpan<byte> RawName(RecordMember member) => Record.Span.Slice(member.NameStart, member.NameLength);

}
