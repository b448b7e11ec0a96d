using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>Allocation-free helpers: property lookup ignoring case in a document, and JSON string unescaping into chars.</summary>
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

    /// <summary>Unescapes a JSON string's raw text (without its quotes) into chars.</summary>
    internal static int Unescape(ReadOnlySpan<byte> raw, Span<char> destination)
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
