using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Reading values of an <see cref="EventRecord"/> straight from its UTF-8 bytes, allocating nothing:
/// a member of an object by name (ASCII case ignored), the elements of an array, a scalar's text.
/// The bytes were validated when the record was read, so these passes do not check them again.
/// </summary>
internal static class RawJson
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>The value at the reader's current token, relative to <paramref name="baseOffset"/>; a container is skipped to its end.</summary>
    public static RawValue Current(ref Utf8JsonReader reader, int baseOffset)
    {
        var kind = reader.TokenType;
        var start = (int)reader.TokenStartIndex;
        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        return new RawValue(kind, baseOffset + start, (int)reader.BytesConsumed - start);
    }

    /// <summary>A reader over one value of <paramref name="buffer"/>, positioned on its first token.</summary>
    public static Utf8JsonReader Open(ReadOnlySpan<byte> buffer, RawValue value)
    {
        var reader = new Utf8JsonReader(buffer.Slice(value.Start, value.Length), Options);
        reader.Read();
        return reader;
    }

    /// <summary>The first member of an object whose name equals <paramref name="utf8Name"/> ignoring ASCII case (an escaped name: its decoded text, exact case).</summary>
    public static bool TryGetMember(ReadOnlySpan<byte> buffer, RawValue obj, byte[] utf8Name, string name, out RawValue value) =>
        Find(buffer, obj, utf8Name, name, out value);

    /// <summary>The first member of an object spelled exactly <paramref name="name"/> (decoded).</summary>
    public static bool TryGetExactMember(ReadOnlySpan<byte> buffer, RawValue obj, string name, out RawValue value) =>
        Find(buffer, obj, null, name, out value);

    /// <summary>Without <paramref name="utf8Name"/> names compare exactly; with it, ignoring ASCII case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Find(ReadOnlySpan<byte> buffer, RawValue obj, byte[]? utf8Name, string name, out RawValue value)
    {
        if (obj.Kind == JsonTokenType.StartObject)
        {
            foreach (var member in ValidJson.Members(buffer, obj))
            {
                var matches = utf8Name is null || member.NameIsEscaped
                    ? NameEquals(member.Name, name)
                    : member.Name.Length == utf8Name.Length && Ascii.EqualsIgnoreCase(member.Name, utf8Name);
                if (matches)
                {
                    value = member.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Whether a raw (escaped) name's text is <paramref name="name"/>, as <see cref="Utf8JsonReader.ValueTextEquals(string)"/> says.</summary>
    private static bool NameEquals(ReadOnlySpan<byte> raw, string name)
    {
        if (!raw.Contains((byte)'\\') && Ascii.IsValid(name))
        {
            // An ASCII name's UTF-8 is its chars: equal bytes or not equal.
            return Ascii.Equals(raw, name);
        }

        var reader = Quoted(raw, stackalloc byte[StackBytes]);
        return reader.ValueTextEquals(name);
    }

    private const int StackBytes = 256;

    /// <summary>A reader on a raw name as a JSON string, for the rare name with escapes or non-ASCII text.</summary>
    private static Utf8JsonReader Quoted(ReadOnlySpan<byte> raw, Span<byte> scratch)
    {
        var quoted = raw.Length + 2 <= scratch.Length ? scratch[..(raw.Length + 2)] : new byte[raw.Length + 2];
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted[1..]);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader;
    }

    /// <summary>
    /// A dotted path as <c>AuditLogs.JsonFields.TryGet</c> reads one: a member named by the whole path
    /// wins (flattened <c>Parameters.ForwardTo</c>), else the part before the first dot and the rest
    /// under it. Names compare ignoring case, an exact spelling preferred.
    /// </summary>
    public static bool TryGetPath(ReadOnlySpan<byte> buffer, RawValue obj, ReadOnlySpan<char> path, out RawValue value)
    {
        value = default;
        if (obj.Kind != JsonTokenType.StartObject)
        {
            return false;
        }

        if (TryGetMemberPreferExact(buffer, obj, path, out value))
        {
            return true;
        }

        var dot = path.IndexOf('.');
        return dot > 0 && TryGetMemberPreferExact(buffer, obj, path[..dot], out var child) && TryGetPath(buffer, child, path[(dot + 1)..], out value);
    }

    private static bool TryGetMemberPreferExact(ReadOnlySpan<byte> buffer, RawValue obj, ReadOnlySpan<char> name, out RawValue value)
    {
        value = default;
        var found = false;
        Span<char> decoded = stackalloc char[256];
        Span<byte> scratch = stackalloc byte[StackBytes];
        foreach (var member in ValidJson.Members(buffer, obj))
        {
            var exact = false;
            var similar = false;
            var raw = member.Name;
            if (!member.NameIsEscaped && Ascii.IsValid(raw))
            {
                similar = raw.Length == name.Length && Ascii.EqualsIgnoreCase(raw, name);
                exact = similar && Ascii.Equals(raw, name);
            }
            else if (raw.Length <= decoded.Length)
            {
                var reader = Quoted(raw, scratch);
                var text = decoded[..reader.CopyString(decoded)];
                similar = text.Equals(name, StringComparison.OrdinalIgnoreCase);
                exact = similar && text.SequenceEqual(name);
            }

            if (exact)
            {
                value = member.Value;
                return true;
            }

            if (similar && !found)
            {
                value = member.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>The number of chars <see cref="Decode"/> may write for a scalar.</summary>
    public static int MaxChars(RawValue value) => value.Kind switch
    {
        JsonTokenType.String or JsonTokenType.Number => value.Length,
        JsonTokenType.True => 4,
        JsonTokenType.False => 5,
        _ => 0,
    };

    /// <summary>Writes a scalar's text (string unescaped, number as written, true/false) into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> buffer, RawValue value, Span<char> destination)
    {
        switch (value.Kind)
        {
            case JsonTokenType.String:
                var raw = buffer.Slice(value.Start + 1, value.Length - 2);
                return raw.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetChars(raw, destination) : JsonText.Unescape(raw, destination);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetChars(buffer.Slice(value.Start, value.Length), destination);
            case JsonTokenType.True:
                "true".CopyTo(destination);
                return 4;
            case JsonTokenType.False:
                "false".CopyTo(destination);
                return 5;
            default:
                return 0;
        }
    }

    /// <summary>A scalar's text as a string (string unescaped, number or boolean as written); null for other kinds.</summary>
    public static string? Text(ReadOnlySpan<byte> buffer, RawValue value)
    {
        if (!value.IsScalar)
        {
            return null;
        }

        var raw = buffer.Slice(value.Start, value.Length);
        if (value.Kind != JsonTokenType.String)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var text = raw[1..^1];
        if (text.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(text);
        }

        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader.GetString();
    }
}
