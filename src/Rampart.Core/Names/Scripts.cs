using System.Globalization;
using System.Numerics;
using System.Text;

namespace Rampart.Core.Names;

/// <summary>
/// Which scripts a label uses, and whether the mix is one a real name would use. Follows UTS #39's
/// "highly restrictive" level: one script, or Latin with the CJK combinations
/// (Han + Hiragana + Katakana, Han + Hangul). Latin mixed with Cyrillic or Greek is the classic
/// homoglyph attack (<c>аpple</c> with a Cyrillic а).
/// </summary>
public static class Scripts
{
    private const Script Japanese = Script.Han | Script.Hiragana | Script.Katakana;
    private const Script Korean = Script.Han | Script.Hangul;

    public static Script Of(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return char.IsAsciiLetter((char)codePoint) ? Script.Latin : Script.Common;
        }

        if (Rune.IsValid(codePoint) && Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation)
        {
            return Script.Common;
        }

        return codePoint switch
        {
            <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF)
                or (>= 0xFF21 and <= 0xFF5A) or (>= 0x0250 and <= 0x02AF) or (>= 0x1D00 and <= 0x1D7F) => Script.Latin,
            (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => Script.Greek,
            (>= 0x0400 and <= 0x052F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) or (>= 0x1C80 and <= 0x1C8F) => Script.Cyrillic,
            >= 0x0530 and <= 0x058F => Script.Armenian,
            (>= 0x0590 and <= 0x05FF) or (>= 0xFB1D and <= 0xFB4F) => Script.Hebrew,
            (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) => Script.Arabic,
            (>= 0x10A0 and <= 0x10FF) or (>= 0x2D00 and <= 0x2D2F) => Script.Georgian,
            >= 0x0E00 and <= 0x0E7F => Script.Thai,
            (>= 0x13A0 and <= 0x13FF) or (>= 0xAB70 and <= 0xABBF) => Script.Cherokee,
            (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xA960 and <= 0xA97F) => Script.Hangul,
            >= 0x3040 and <= 0x309F => Script.Hiragana,
            (>= 0x30A0 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F) => Script.Katakana,
            (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FFFF) or (>= 0xF900 and <= 0xFAFF) => Script.Han,
            (>= 0x3000 and <= 0x303F) or 0x30FC => Script.Common,
            _ => Script.Other,
        };
    }

    /// <summary>Every script the text uses (Common included when present).</summary>
    public static Script Used(ReadOnlySpan<char> text)
    {
        var used = Script.None;
        foreach (var rune in text.EnumerateRunes())
        {
            used |= Of(rune.Value);
        }

        return used;
    }

    /// <summary>True when the scripts used are not one script nor an allowed CJK combination.</summary>
    public static bool IsMixed(Script used)
    {
        var letters = used & ~Script.Common;
        if (BitOperations.PopCount((uint)letters) <= 1)
        {
            return false;
        }

        var withoutLatin = letters & ~Script.Latin;
        return (withoutLatin & ~Japanese) != 0 && (withoutLatin & ~Korean) != 0;
    }
}
