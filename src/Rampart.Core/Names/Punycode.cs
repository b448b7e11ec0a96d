namespace Rampart.Core.Names;

/// <summary>
/// RFC 3492 punycode for one DNS label, both ways, on spans, without allocation. Hostile input is
/// refused with a <see cref="PunycodeError"/>, never an exception: feeds of new domains contain
/// crafted <c>xn--</c> labels that overflow, truncate or decode to surrogates.
/// </summary>
public static class Punycode
{
    /// <summary>The ACE prefix of an internationalized label.</summary>
    public const string Prefix = "xn--";

    /// <summary>
    /// The longest label (in UTF-16 units or code points) either direction handles; DNS allows 63
    /// bytes, the Unicode form of such a label is at most as long in code points.
    /// </summary>
    public const int MaxLabelLength = 63;

    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>Whether <paramref name="label"/> starts with <c>xn--</c> (any case).</summary>
    public static bool HasPrefix(ReadOnlySpan<char> label) =>
        label.Length >= 4 && label[..4].Equals(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Decodes the part of a label after <c>xn--</c> into UTF-16. Strict: lower-case only, the result
    /// must contain a non-ASCII character and must encode back to exactly the same text.
    /// </summary>
    public static PunycodeError TryDecode(ReadOnlySpan<char> encoded, Span<char> output, out int written)
    {
        written = 0;
        if (encoded.IsEmpty)
        {
            return PunycodeError.Empty;
        }

        if (encoded.Length > MaxLabelLength)
        {
            return PunycodeError.TooLong;
        }

        Span<int> points = stackalloc int[MaxLabelLength];
        var count = 0;
        var delimiter = encoded.LastIndexOf('-');
        var basic = delimiter > 0 ? delimiter : 0;
        for (var j = 0; j < basic; j++)
        {
            var c = encoded[j];
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return PunycodeError.InvalidBasicCharacter;
            }

            points[count++] = c;
        }

        var n = InitialN;
        var i = 0;
        var bias = InitialBias;
        var index = delimiter > 0 ? delimiter + 1 : 0;
        while (index < encoded.Length)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (index >= encoded.Length)
                {
                    return PunycodeError.Truncated;
                }

                var digit = DigitValue(encoded[index++]);
                if (digit < 0)
                {
                    return PunycodeError.InvalidDigit;
                }

                if (digit > (int.MaxValue - i) / w)
                {
                    return PunycodeError.Overflow;
                }

                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (Base - t))
                {
                    return PunycodeError.Overflow;
                }

                w *= Base - t;
            }

            bias = Adapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > int.MaxValue - n)
            {
                return PunycodeError.Overflow;
            }

            n += i / (count + 1);
            i %= count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF)
            {
                return PunycodeError.InvalidCodePoint;
            }

            if (count >= MaxLabelLength)
            {
                return PunycodeError.TooLong;
            }

            points[i..count].CopyTo(points[(i + 1)..]);
            points[i] = n;
            count++;
            i++;
        }

        var international = false;
        foreach (var point in points[..count])
        {
            international |= point >= 0x80;
        }

        if (!international)
        {
            return PunycodeError.NotInternational;
        }

        foreach (var point in points[..count])
        {
            var units = point >= 0x10000 ? 2 : 1;
            if (written + units > output.Length)
            {
                return PunycodeError.TooLong;
            }

            written += new System.Text.Rune(point).EncodeToUtf16(output[written..]);
        }

        // Canonical form only: two different texts must never name the same label.
        Span<char> again = stackalloc char[MaxLabelLength];
        if (TryEncode(output[..written], again, out var againLength) != PunycodeError.None
            || !again[..againLength].SequenceEqual(encoded))
        {
            written = 0;
            return PunycodeError.NotCanonical;
        }

        return PunycodeError.None;
    }

    /// <summary>Encodes a Unicode label (already mapped and lower-cased) into the part after <c>xn--</c>.</summary>
    public static PunycodeError TryEncode(ReadOnlySpan<char> label, Span<char> output, out int written)
    {
        written = 0;
        if (label.IsEmpty)
        {
            return PunycodeError.Empty;
        }

        Span<int> points = stackalloc int[MaxLabelLength];
        var count = 0;
        foreach (var rune in label.EnumerateRunes())
        {
            if (count >= MaxLabelLength)
            {
                return PunycodeError.TooLong;
            }

            if (rune == System.Text.Rune.ReplacementChar && !label.Contains('\uFFFD'))
            {
                return PunycodeError.InvalidCodePoint;
            }

            points[count++] = rune.Value;
        }

        var b = 0;
        foreach (var point in points[..count])
        {
            if (point < 0x80)
            {
                if (written >= output.Length)
                {
                    return PunycodeError.TooLong;
                }

                output[written++] = (char)point;
                b++;
            }
        }

        var h = b;
        if (b > 0)
        {
            if (written >= output.Length)
            {
                return PunycodeError.TooLong;
            }

            output[written++] = '-';
        }

        var n = InitialN;
        var delta = 0;
        var bias = InitialBias;
        while (h < count)
        {
            var m = int.MaxValue;
            foreach (var point in points[..count])
            {
                if (point >= n && point < m)
                {
                    m = point;
                }
            }

            if (m - n > (int.MaxValue - delta) / (h + 1))
            {
                return PunycodeError.Overflow;
            }

            delta += (m - n) * (h + 1);
            n = m;
            foreach (var point in points[..count])
            {
                if (point < n && ++delta == int.MaxValue)
                {
                    return PunycodeError.Overflow;
                }

                if (point == n)
                {
                    var q = delta;
                    for (var k = Base; ; k += Base)
                    {
                        var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        if (written >= output.Length)
                        {
                            return PunycodeError.TooLong;
                        }

                        output[written++] = Digit(t + ((q - t) % (Base - t)));
                        q = (q - t) / (Base - t);
                    }

                    if (written >= output.Length)
                    {
                        return PunycodeError.TooLong;
                    }

                    output[written++] = Digit(q);
                    bias = Adapt(delta, h + 1, h == b);
                    delta = 0;
                    h++;
                }
            }

            delta++;
            n++;
        }

        return PunycodeError.None;
    }

    /// <summary>A sentence a person can act on.</summary>
    public static string Describe(PunycodeError error) => error switch
    {
        PunycodeError.None => "valid",
        PunycodeError.Empty => "nothing follows the xn-- prefix",
        PunycodeError.InvalidDigit => "contains a character that is not a punycode digit",
        PunycodeError.InvalidBasicCharacter => "has a basic character other than a-z, 0-9 and hyphen",
        PunycodeError.Truncated => "ends in the middle of an encoded character",
        PunycodeError.Overflow => "encodes a number too large to be a character (crafted label)",
        PunycodeError.InvalidCodePoint => "decodes to a surrogate or a value beyond U+10FFFF",
        PunycodeError.TooLong => "is longer than a DNS label may be",
        PunycodeError.NotInternational => "decodes to plain ASCII, which IDNA never encodes",
        PunycodeError.NotCanonical => "is not the canonical encoding of the name it decodes to",
    };

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }
}
