using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// A quick check that a record is one JSON object that <see cref="Utf8JsonReader"/> (default options,
/// depth 64) reads without error, for the plain records that make up nearly every log: ASCII text,
/// nesting at most <see cref="MaxDepth"/> deep. It says yes only when sure; anything else (non-ASCII
/// bytes, deeper nesting, any error) is left to the reader, which reads and reports it as before.
/// Validating with the reader cost a quarter of an audit's reading CPU over 1M UAL/Entra records;
/// strings are most of a record, and here they are searched 32 bytes at a time (<see cref="JsonStringScan"/>).
/// </summary>
internal static class PlainJsonCheck
{
    /// <summary>Deeper records are left to the reader (its limit is 64).</summary>
    public const int MaxDepth = 32;

    /// <summary>The end of the value at <paramref name="index"/>, or -1 when not sure it is valid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Value(ReadOnlySpan<byte> json, int index, int depth)
    {
        if (index >= json.Length)
        {
            return -1;
        }

        return json[index] switch
        {
            (byte)'"' => String(json, index),
            (byte)'{' or (byte)'[' => depth >= MaxDepth ? -1 : Container(json, index, depth + 1),
            (byte)'t' => Literal(json, index, "true"u8),
            (byte)'f' => Literal(json, index, "false"u8),
            (byte)'n' => Literal(json, index, "null"u8),
            _ => Number(json, index),
        };
    }

    /// <summary>An object or array at <paramref name="index"/>: members or elements separated by commas, no trailing comma.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Container(ReadOnlySpan<byte> json, int index, int depth)
    {
        var isObject = json[index] == (byte)'{';
        var close = isObject ? (byte)'}' : (byte)']';
        index = ValidJson.SkipWhiteSpace(json, index + 1);
        if (index < json.Length && json[index] == close)
        {
            return index + 1;
        }

        while (true)
        {
            if (isObject)
            {
                if (index >= json.Length || json[index] != (byte)'"')
                {
                    return -1;
                }

                index = ValidJson.SkipWhiteSpace(json, String(json, index) is var nameEnd and >= 0 ? nameEnd : json.Length);
                if (index >= json.Length || json[index] != (byte)':')
                {
                    return -1;
                }

                index = ValidJson.SkipWhiteSpace(json, index + 1);
            }

            var end = Value(json, index, depth);
            if (end < 0)
            {
                return -1;
            }

            index = ValidJson.SkipWhiteSpace(json, end);
            if (index >= json.Length)
            {
                return -1;
            }

            if (json[index] == close)
            {
                return index + 1;
            }

            if (json[index] != (byte)',')
            {
                return -1;
            }

            index = ValidJson.SkipWhiteSpace(json, index + 1);
        }
    }

    /// <summary>A string at <paramref name="index"/> (its opening quote): ASCII text and the escapes JSON allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int String(ReadOnlySpan<byte> json, int index)
    {
        index++;
        while (true)
        {
            index = JsonStringScan.NextStop(json, index, plainOnly: true);
            if (index >= json.Length)
            {
                return -1;
            }

            if (json[index] == (byte)'"')
            {
                return index + 1;
            }

            if (json[index] != (byte)'\\' || index + 1 >= json.Length)
            {
                return -1;
            }

            switch (json[index + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    index += 2;
                    break;
                case (byte)'u':
                    if (index + 6 > json.Length || !IsHex(json[index + 2]) || !IsHex(json[index + 3]) || !IsHex(json[index + 4]) || !IsHex(json[index + 5]))
                    {
                        return -1;
                    }

                    index += 6;
                    break;
                default:
                    return -1;
            }
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int Literal(ReadOnlySpan<byte> json, int index, ReadOnlySpan<byte> literal) =>
        json[index..].StartsWith(literal) ? index + literal.Length : -1;

    /// <summary>A number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>; what follows it is checked by the container.</summary>
    private static int Number(ReadOnlySpan<byte> json, int index)
    {
        if (json[index] == (byte)'-')
        {
            index++;
        }

        if (index >= json.Length || !char.IsAsciiDigit((char)json[index]))
        {
            return -1;
        }

        index = json[index] == (byte)'0' ? index + 1 : Digits(json, index);
        if (index < json.Length && json[index] == (byte)'.')
        {
            var fraction = Digits(json, index + 1);
            if (fraction == index + 1)
            {
                return -1;
            }

            index = fraction;
        }

        if (index < json.Length && json[index] is (byte)'e' or (byte)'E')
        {
            index++;
            if (index < json.Length && json[index] is (byte)'+' or (byte)'-')
            {
                index++;
            }

            var exponent = Digits(json, index);
            if (exponent == index)
            {
                return -1;
            }

            index = exponent;
        }

        return index;
    }

    private static int Digits(ReadOnlySpan<byte> json, int index)
    {
        while (index < json.Length && char.IsAsciiDigit((char)json[index]))
        {
            index++;
        }

        return index;
    }
}
