using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Finds where a JSON string's text stops, 32 or 16 bytes at a time: strings are most of a record's
/// bytes, and a general vector search (<c>IndexOfAny</c>) spent more setting up than searching on
/// strings of a few dozen bytes.
/// </summary>
internal static class JsonStringScan
{
    /// <summary>
    /// The first index at or after <paramref name="index"/> of a quote, a backslash, and, when
    /// <paramref name="plainOnly"/>, a control character or a non-ASCII byte; the length when none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int NextStop(ReadOnlySpan<byte> json, int index, bool plainOnly)
    {
        ref var start = ref MemoryMarshal.GetReference(json);
        if (Vector256.IsHardwareAccelerated)
        {
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            // As signed bytes, control characters (< 0x20) and non-ASCII bytes (negative) are both below 0x20.
            var belowSpace = Vector256.Create((sbyte)0x20);
            while (index + Vector256<byte>.Count <= json.Length)
            {
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)index);
                var stops = Vector256.Equals(bytes, quote) | Vector256.Equals(bytes, backslash);
                if (plainOnly)
                {
                    stops |= Vector256.LessThan(bytes.AsSByte(), belowSpace).AsByte();
                }

                if (stops != Vector256<byte>.Zero)
                {
                    return index + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
                }

                index += Vector256<byte>.Count;
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var belowSpace = Vector128.Create((sbyte)0x20);
            while (index + Vector128<byte>.Count <= json.Length)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)index);
                var stops = Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash);
                if (plainOnly)
                {
                    stops |= Vector128.LessThan(bytes.AsSByte(), belowSpace).AsByte();
                }

                if (stops != Vector128<byte>.Zero)
                {
                    return index + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
                }

                index += Vector128<byte>.Count;
            }
        }

        while (index < json.Length)
        {
            var b = json[index];
            if (b is (byte)'"' or (byte)'\\' || (plainOnly && (sbyte)b < 0x20))
            {
                return index;
            }

            index++;
        }

        return index;
    }
}
