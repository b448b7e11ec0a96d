using System.Runtime.InteropServices;
using System.Text.Json;

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
        Record = record;
        _members.Clear();
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_stamp);
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            var nameStart = baseOffset + (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            var id = names.Id(ref reader);
            var fold = names.Fold(id);
            reader.Read();
            var kind = reader.TokenType;
            var valueStart = baseOffset + (int)reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            var valueEnd = baseOffset + (int)reader.BytesConsumed;
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

            _members.Add(new RecordMember(names.Name(id), fold, nameStart, nameLength, valueStart, valueEnd - valueStart, kind));
        }
    }

    /// <summary>Reads the object in <paramref name="record"/> at <paramref name="offset"/> (already validated by an outer pass).</summary>
    public void ReadNested(ReadOnlyMemory<byte> record, int offset, int length)
    {
        var reader = new Utf8JsonReader(record.Span.Slice(offset, length), new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        Read(record, ref reader, offset);
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

    public ReadOnlySpan<byte> Raw(RecordMember member) => Record.Span.Slice(member.ValueStart, member.ValueLength);

    public ReadOnlySpan<byte> RawName(RecordMember member) => Record.Span.Slice(member.NameStart, member.NameLength);

}
