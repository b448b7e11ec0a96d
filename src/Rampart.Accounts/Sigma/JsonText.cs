using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>Allocation-free JSON string unescaping into chars.</summary>
internal static class JsonText
{
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
