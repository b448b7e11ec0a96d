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
    private static bool Find(ReadOnlySpan<byte> buffer, RawValue obj, byte[]? utf8Name, string name, out RawValue value)
    {
        if (obj.Kind == JsonTokenType.StartObject)
        {
            var reader = Open(buffer, obj);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = utf8Name is null || reader.ValueIsEscaped
                    ? reader.ValueTextEquals(name)
                    : reader.ValueSpan.Length == utf8Name.Length && Ascii.EqualsIgnoreCase(reader.ValueSpan, utf8Name);
                reader.Read();
                if (matches)
                {
                    value = Current(ref reader, obj.Start);
                    return true;
                }

                reader.Skip();
            }
        }

        value = default;
        return false;
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
        var reader = Open(buffer, obj);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var exact = false;
            var similar = false;
            if (!reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan))
            {
                var raw = reader.ValueSpan;
                similar = raw.Length == name.Length && Ascii.EqualsIgnoreCase(raw, name);
                exact = similar && Ascii.Equals(raw, name);
            }
            else if (reader.ValueSpan.Length <= decoded.Length)
            {
                var text = decoded[..reader.CopyString(decoded)];
                similar = text.Equals(name, StringComparison.OrdinalIgnoreCase);
                exact = similar && text.SequenceEqual(name);
            }

            reader.Read();
            if (exact)
            {
                value = Current(ref reader, obj.Start);
                return true;
            }

            if (similar && !found)
            {
                value = Current(ref reader, obj.Start);
                found = true;
                continue;
            }

            reader.Skip();
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
