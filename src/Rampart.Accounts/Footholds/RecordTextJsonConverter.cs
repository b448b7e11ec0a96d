using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Writes a record's text (<see cref="Evidence.Record"/>) as the writer's default escaping does, byte for
/// byte, only faster: a record is JSON, so every other character is a quote that the default escapes as
/// <c>\u0022</c> one character at a time. The records were 101 of the 138 MB of the report over 1M
/// generated records, 6.9M quotes, and the serializer spent most of the report's 0.9 CPU-s on them.
/// With another encoder in the options the writer's own escaping is used. For a member's value only
/// (<c>[property: JsonConverter]</c>): the writer indents a raw value as a member's, not as an array item's.
/// </summary>
public sealed class RecordTextJsonConverter : JsonConverter<string>
{
    // What the default escaping leaves alone: printable ASCII but " & ' + < > \ and `. A table, not a
    // vector search: in a record the runs between quotes are a few chars, shorter than a search's set-up.
    private static readonly bool[] Plain = PlainChars();

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        // Long texts go to the writer too: it splits values past its token limit in ways not worth copying.
        if (options.Encoder is not null || value.Length > MaxChars)
        {
            writer.WriteStringValue(value);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((value.Length * 6) + 2);
        try
        {
            var written = Escape(value, buffer);
            writer.WriteRawValue(buffer.AsSpan(0, written), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Texts up to this many chars are escaped here (6 bytes a char at worst stays far below the writer's limits).</summary>
    internal const int MaxChars = 1 << 20;

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string into <paramref name="output"/> (at least 6 bytes a char plus 2); returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Escape(ReadOnlySpan<char> text, Span<byte> output)
    {
        var plain = Plain;
        var at = 0;
        output[at++] = (byte)'"';
        foreach (var c in text)
        {
            if (c < (char)plain.Length && plain[c])
            {
                output[at++] = (byte)c;
            }
            else
            {
                at += EscapeOne(c, output[at..]);
            }
        }

        output[at++] = (byte)'"';
        return at;
    }

    private static bool[] PlainChars()
    {
        var plain = new bool[128];
        for (var c = ' '; c <= '~'; c++)
        {
            plain[c] = c is not ('"' or '&' or '\'' or '+' or '<' or '>' or '\\' or '`');
        }

        return plain;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EscapeOne(char c, Span<byte> output)
    {
        output[0] = (byte)'\\';
        var shortForm = c switch
        {
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\\' => '\\',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            output[1] = (byte)shortForm;
            return 2;
        }

        output[1] = (byte)'u';
        output[2] = Hex(c >> 12);
        output[3] = Hex((c >> 8) & 0xF);
        output[4] = Hex((c >> 4) & 0xF);
        output[5] = Hex(c & 0xF);
        return 6;
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
}
