using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Walks JSON that was validated when it was read (a record's bytes, a string parsed as JSON) without
/// a <see cref="Utf8JsonReader"/>: on valid bytes a value ends at its closing quote or bracket or at the
/// next delimiter, which a vector search finds, so nothing is checked twice. Finding members and
/// elements this way took a fifth of the CPU a reader did for the rules' look-ups, flattening and the
/// lifted <c>properties</c> of Azure Monitor records. Never give it bytes that were not validated.
/// </summary>
internal static class ValidJson
{
    /// <summary>The kind of the value whose first byte is <paramref name="first"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonTokenType KindOf(byte first) => first switch
    {
        (byte)'"' => JsonTokenType.String,
        (byte)'{' => JsonTokenType.StartObject,
        (byte)'[' => JsonTokenType.StartArray,
        (byte)'t' => JsonTokenType.True,
        (byte)'f' => JsonTokenType.False,
        (byte)'n' => JsonTokenType.Null,
        _ => JsonTokenType.Number,
    };

    /// <summary>The first index at or after <paramref name="index"/> that is not JSON white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhiteSpace(ReadOnlySpan<byte> json, int index) =>
        // Records rarely hold white space between tokens: one comparison, inlined, before the loop.
        (uint)index < (uint)json.Length && json[index] > (byte)' ' ? index : SkipWhiteSpaceLoop(json, index);

    private static int SkipWhiteSpaceLoop(ReadOnlySpan<byte> json, int index)
    {
        while (index < json.Length && json[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            index++;
        }

        return index;
    }

    /// <summary>Where the value that starts at <paramref name="index"/> ends (exclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ValueEnd(ReadOnlySpan<byte> json, int index)
    {
        switch (json[index])
        {
            case (byte)'"':
                return StringEnd(json, index);
            case (byte)'{' or (byte)'[':
                return ContainerEnd(json, index);
            default:
                // A number or literal: a few bytes, up to a delimiter.
                index++;
                while (index < json.Length && json[index] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    index++;
                }

                return index;
        }
    }

    /// <summary>Where the string whose opening quote is at <paramref name="index"/> ends (after its closing quote).</summary>
    public static int StringEnd(ReadOnlySpan<byte> json, int index)
    {
        index++;
        while (true)
        {
            index = JsonStringScan.NextStop(json, index, plainOnly: false);
            if (json[index] == (byte)'"')
            {
                return index + 1;
            }

            // An escape: the byte after the backslash is never the string's end.
            index += 2;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ContainerEnd(ReadOnlySpan<byte> json, int index)
    {
        var depth = 0;
        for (; ; index++)
        {
            switch (json[index])
            {
                case (byte)'"':
                    index = StringEnd(json, index) - 1;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return index + 1;
                    }

                    break;
            }
        }
    }

    /// <summary>The members of the object <paramref name="obj"/>, in order; offsets are into <paramref name="buffer"/>.</summary>
    public static MemberEnumerator Members(ReadOnlySpan<byte> buffer, RawValue obj) => new(buffer[..(obj.Start + obj.Length)], obj.Start + 1);

    /// <summary>The elements of the array <paramref name="array"/>, in order; offsets are into <paramref name="buffer"/>.</summary>
    public static ElementEnumerator Elements(ReadOnlySpan<byte> buffer, RawValue array) => new(buffer[..(array.Start + array.Length)], array.Start + 1);

    /// <summary>One member: its raw name (escaped, without quotes) and its value.</summary>
    internal readonly ref struct Member(ReadOnlySpan<byte> name, int nameStart, RawValue value)
    {
        public ReadOnlySpan<byte> Name { get; } = name;

        public int NameStart { get; } = nameStart;

        public RawValue Value { get; } = value;

        /// <summary>Whether the raw name holds an escape (its text differs from its bytes).</summary>
        public bool NameIsEscaped => Name.Contains((byte)'\\');
    }

    internal ref struct MemberEnumerator(ReadOnlySpan<byte> json, int index)
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private int _index = index;

        public Member Current { get; private set; }

        public readonly MemberEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = SkipWhiteSpace(_json, _index);
            if (_json[i] == (byte)',')
            {
                i = SkipWhiteSpace(_json, i + 1);
            }

            if (_json[i] != (byte)'"')
            {
                return false;
            }

            var nameEnd = StringEnd(_json, i);
            var valueStart = SkipWhiteSpace(_json, SkipWhiteSpace(_json, nameEnd) + 1);
            var valueEnd = ValueEnd(_json, valueStart);
            Current = new Member(_json.Slice(i + 1, nameEnd - i - 2), i + 1, new RawValue(KindOf(_json[valueStart]), valueStart, valueEnd - valueStart));
            _index = valueEnd;
            return true;
        }
    }

    internal ref struct ElementEnumerator(ReadOnlySpan<byte> json, int index)
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private int _index = index;

        public RawValue Current { get; private set; }

        public readonly ElementEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = SkipWhiteSpace(_json, _index);
            if (_json[i] == (byte)',')
            {
                i = SkipWhiteSpace(_json, i + 1);
            }

            if (_json[i] == (byte)']')
            {
                return false;
            }

            var end = ValueEnd(_json, i);
            Current = new RawValue(KindOf(_json[i]), i, end - i);
            _index = end;
            return true;
        }
    }
}
