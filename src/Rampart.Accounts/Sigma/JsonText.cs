using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>Allocation-free access to a parsed JSON event: property lookup ignoring case, and a value's text as chars.</summary>
internal static class JsonText
{
    /// <summary>Finds a property whose name equals <paramref name="utf8Name"/> ignoring ASCII case.</summary>
    public static bool TryGetProperty(JsonElement element, byte[] utf8Name, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                if (raw.Length == utf8Name.Length && Ascii.EqualsIgnoreCase(raw, utf8Name))
                {
                    value = property.Value;
                    return true;
                }

                // Escaped or non-ASCII names: compare the decoded name (rare; exact case).
                if (raw.IndexOf((byte)'\\') >= 0 && property.NameEquals(name))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The number of chars <see cref="Decode"/> may write for a scalar.</summary>
    public static int MaxChars(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number => JsonMarshal.GetRawUtf8Value(element).Length,
        JsonValueKind.True => 4,
        JsonValueKind.False => 5,
        _ => 0,
    };

    /// <summary>Writes a scalar's text (string unescaped, number as written, true/false) into <paramref name="destination"/>.</summary>
    public static int Decode(JsonElement element, Span<char> destination)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                raw = raw[1..^1];
                return raw.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetChars(raw, destination) : Unescape(raw, destination);
            case JsonValueKind.Number:
                return Encoding.UTF8.GetChars(JsonMarshal.GetRawUtf8Value(element), destination);
            case JsonValueKind.True:
                "true".CopyTo(destination);
                return 4;
            case JsonValueKind.False:
                "false".CopyTo(destination);
                return 5;
            default:
                return 0;
        }
    }

    private static int Unescape(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf((byte)'\\');
            var plain = next < 0 ? raw[i..] : raw.Slice(i, next);
            written += Encoding.UTF8.GetChars(plain, destination[written..]);
            if (next < 0)
            {
                break;
            }

            i += next + 1;
            if (i >= raw.Length)
            {
                break;
            }

            var c = raw[i++];
            switch (c)
            {
                case (byte)'n': destination[written++] = '\n'; break;
                case (byte)'r': destination[written++] = '\r'; break;
                case (byte)'t': destination[written++] = '\t'; break;
                case (byte)'b': destination[written++] = '\b'; break;
                case (byte)'f': destination[written++] = '\f'; break;
                case (byte)'u' when i + 4 <= raw.Length:
                    if (int.TryParse(raw.Slice(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        destination[written++] = (char)code;
                    }

                    i += 4;
                    break;
                default: destination[written++] = (char)c; break;
            }
        }

        return written;
    }
}
