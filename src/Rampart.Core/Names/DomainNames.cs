using System.Globalization;
using System.Text;

namespace Rampart.Core.Names;

/// <summary>
/// Host names to their canonical ASCII form and back. The mapping follows UTS #46 in its
/// non-transitional form as far as names in the wild need it: case folding, NFKC (full-width and
/// compatibility forms), the ideographic full stops as dots, default-ignorable code points removed;
/// <c>xn--</c> labels are checked strictly (see <see cref="Punycode"/>).
/// ASCII input, which is nearly all of it, takes a path that allocates nothing.
/// </summary>
public static class DomainNames
{
    /// <summary>DNS limit on one label, in bytes of its ASCII form.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>DNS limit on a name without its trailing dot.</summary>
    public const int MaxNameLength = 253;

    /// <summary>Input longer than this is refused before any mapping: no name needs more.</summary>
    public const int MaxInputLength = 1024;

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>
    /// Maps <paramref name="input"/> to lower-case ASCII (punycode for international labels) into
    /// <paramref name="output"/>, which needs <see cref="MaxNameLength"/> characters. A trailing dot
    /// is dropped. False with the problem when the text is not a host name.
    /// </summary>
    public static bool TryToAscii(ReadOnlySpan<char> input, Span<char> output, out int written, out DomainNameProblem problem)
    {
        written = 0;
        if (input.Length > 1 && input[^1] == '.')
        {
            input = input[..^1];
        }

        if (input.IsEmpty)
        {
            problem = new DomainNameProblem(DomainNameError.Empty, 0);
            return false;
        }

        if (input.Length > MaxInputLength)
        {
            problem = new DomainNameProblem(DomainNameError.InputTooLong, MaxInputLength);
            return false;
        }

        if (!Ascii.IsValid(input))
        {
            return TryMapUnicode(input, output, out written, out problem);
        }

        if (TryAsciiFast(input, output, out written))
        {
            problem = DomainNameProblem.None;
            return true;
        }

        // Something is wrong (or a punycode label needs checking): label by label, to say what and where.
        written = 0;
        var labelStart = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != '.')
            {
                continue;
            }

            if (!TryAppendAsciiLabel(input[labelStart..i], labelStart, output, ref written, out problem))
            {
                return false;
            }

            labelStart = i + 1;
        }

        problem = DomainNameProblem.None;
        return true;
    }

    /// <summary>
    /// The common case in one vectorized sweep: only host characters, no punycode, no empty or
    /// overlong label, a name that fits. False leaves the work (and the error) to the label walk.
    /// </summary>
    private static bool TryAsciiFast(ReadOnlySpan<char> input, Span<char> output, out int written)
    {
        written = 0;
        if (input.Length > MaxNameLength || input.Length > output.Length || input.IndexOfAnyExcept(HostCharacters) >= 0
            || input.Contains(Punycode.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = input;
        while (true)
        {
            var dot = rest.IndexOf('.');
            var length = dot < 0 ? rest.Length : dot;
            if (length is 0 or > MaxLabelLength)
            {
                return false;
            }

            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        written = Ascii.ToLower(input, output, out var lowered) == System.Buffers.OperationStatus.Done ? lowered : 0;
        return written == input.Length;
    }

    /// <summary>Convenience form of <see cref="TryToAscii(ReadOnlySpan{char}, Span{char}, out int, out DomainNameProblem)"/>.</summary>
    public static bool TryToAscii(string input, out string ascii, out DomainNameProblem problem)
    {
        Span<char> buffer = stackalloc char[MaxNameLength];
        ascii = TryToAscii(input, buffer, out var written, out problem) ? new string(buffer[..written]) : string.Empty;
        return problem.Error == DomainNameError.None;
    }

    /// <summary>The Unicode form of a valid ASCII name (punycode labels decoded); the input when a label does not decode.</summary>
    public static string ToUnicode(string ascii)
    {
        if (!ascii.Contains(Punycode.Prefix, StringComparison.Ordinal))
        {
            return ascii;
        }

        var result = new StringBuilder(ascii.Length);
        Span<char> label = stackalloc char[MaxLabelLength * 2];
        foreach (var range in ascii.AsSpan().Split('.'))
        {
            var part = ascii.AsSpan(range);
            if (result.Length > 0)
            {
                result.Append('.');
            }

            if (Punycode.HasPrefix(part) && Punycode.TryDecode(part[4..], label, out var length) == PunycodeError.None)
            {
                result.Append(label[..length]);
            }
            else
            {
                result.Append(part);
            }
        }

        return result.ToString();
    }

    private static bool TryAppendAsciiLabel(ReadOnlySpan<char> label, int position, Span<char> output, ref int written, out DomainNameProblem problem)
    {
        if (label.IsEmpty)
        {
            problem = new DomainNameProblem(DomainNameError.EmptyLabel, position);
            return false;
        }

        if (label.Length > MaxLabelLength)
        {
            problem = new DomainNameProblem(DomainNameError.LabelTooLong, position);
            return false;
        }

        var needed = label.Length + (written > 0 ? 1 : 0);
        if (written + needed > MaxNameLength || written + needed > output.Length)
        {
            problem = new DomainNameProblem(DomainNameError.NameTooLong, position);
            return false;
        }

        if (written > 0)
        {
            output[written++] = '.';
        }

        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                problem = new DomainNameProblem(c < 0x20 || c == 0x7F ? DomainNameError.ControlCharacter : DomainNameError.InvalidCharacter, position + i);
                return false;
            }
        }

        var start = written;
        written += label.ToLowerInvariant(output[written..]);
        // Hyphens are not checked (UTS #46 CheckHyphens=false, as browsers do): real hosts such as
        // "r3---sn-abc.googlevideo.com" have them; only an "xn--" label must be valid punycode.
        if (Punycode.HasPrefix(label))
        {
            Span<char> decoded = stackalloc char[MaxLabelLength * 2];
            var error = Punycode.TryDecode(output[(start + 4)..written], decoded, out _);
            if (error != PunycodeError.None)
            {
                problem = new DomainNameProblem(DomainNameError.InvalidPunycode, position, error);
                return false;
            }
        }

        problem = DomainNameProblem.None;
        return true;
    }

    private static bool TryMapUnicode(ReadOnlySpan<char> input, Span<char> output, out int written, out DomainNameProblem problem)
    {
        written = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsControl(input[i]))
            {
                problem = new DomainNameProblem(DomainNameError.ControlCharacter, i);
                return false;
            }
        }

        var mapped = Map(input);
        if (mapped is null)
        {
            problem = new DomainNameProblem(DomainNameError.InvalidCharacter, 0);
            return false;
        }

        var labelStart = 0;
        Span<char> encoded = stackalloc char[MaxLabelLength + 1];
        scoped Span<char> label = stackalloc char[MaxLabelLength + 4];
        for (var i = 0; i <= mapped.Length; i++)
        {
            if (i < mapped.Length && mapped[i] != '.')
            {
                continue;
            }

            scoped var part = mapped.AsSpan(labelStart..i);
            if (!Ascii.IsValid(part))
            {
                var invalid = IndexOfDisallowed(part);
                if (invalid >= 0)
                {
                    problem = new DomainNameProblem(DomainNameError.InvalidCharacter, Math.Min(labelStart + invalid, input.Length - 1));
                    return false;
                }

                var error = Punycode.TryEncode(part, encoded, out var length);
                if (error != PunycodeError.None || length + 4 > MaxLabelLength)
                {
                    problem = new DomainNameProblem(DomainNameError.LabelTooLong, Math.Min(labelStart, input.Length - 1));
                    return false;
                }

                Punycode.Prefix.CopyTo(label);
                encoded[..length].CopyTo(label[4..]);
                part = label[..(length + 4)];
            }

            if (!TryAppendAsciiLabel(part, Math.Min(labelStart, input.Length - 1), output, ref written, out problem))
            {
                return false;
            }

            labelStart = i + 1;
        }

        problem = DomainNameProblem.None;
        return true;
    }

    // UTS #46 mapping, approximated: NFKC with case folding, dots, ignored code points.
    private static string? Map(ReadOnlySpan<char> input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var rune in input.EnumerateRunes())
        {
            var value = rune.Value;
            if (rune == Rune.ReplacementChar && !input.Contains('\uFFFD'))
            {
                return null;
            }

            if (value is 0x3002 or 0xFF0E or 0xFF61)
            {
                builder.Append('.');
            }
            else if (!IsIgnored(value))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    private static bool IsIgnored(int value) =>
        value is 0x00AD or 0x034F or 0x180B or 0x180C or 0x180D or 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF
        || value is >= 0xFE00 and <= 0xFE0F;

    private static int IndexOfDisallowed(ReadOnlySpan<char> label)
    {
        var index = 0;
        foreach (var rune in label.EnumerateRunes())
        {
            var allowed = rune.Value < 0x80
                ? char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_'
                : Rune.GetUnicodeCategory(rune) is UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.TitlecaseLetter or UnicodeCategory.UppercaseLetter
                    or UnicodeCategory.EnclosingMark;
            if (!allowed)
            {
                return index;
            }

            index += rune.Utf16SequenceLength;
        }

        return -1;
    }
}
