using System.Text;

namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// Splits a pattern into tokens following the lexer rules of STIXPattern.g4: keywords are
/// upper case, identifiers may hold hyphens (object types do), strings escape only <c>\'</c> and
/// <c>\\</c>, <c>h'…'</c>, <c>b'…'</c> and <c>t'…'</c> are hex, base64 and timestamp literals, and
/// whitespace and <c>/* */</c> and <c>//</c> comments are skipped.
/// </summary>
internal static class PatternLexer
{
    private static readonly Dictionary<string, PatternTokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["AND"] = PatternTokenKind.And,
        ["OR"] = PatternTokenKind.Or,
        ["NOT"] = PatternTokenKind.Not,
        ["FOLLOWEDBY"] = PatternTokenKind.FollowedBy,
        ["LIKE"] = PatternTokenKind.Like,
        ["MATCHES"] = PatternTokenKind.Matches,
        ["ISSUPERSET"] = PatternTokenKind.IsSuperset,
        ["ISSUBSET"] = PatternTokenKind.IsSubset,
        ["EXISTS"] = PatternTokenKind.Exists,
        ["LAST"] = PatternTokenKind.Last,
        ["IN"] = PatternTokenKind.In,
        ["START"] = PatternTokenKind.Start,
        ["STOP"] = PatternTokenKind.Stop,
        ["SECONDS"] = PatternTokenKind.Seconds,
        ["WITHIN"] = PatternTokenKind.Within,
        ["REPEATS"] = PatternTokenKind.Repeats,
        ["TIMES"] = PatternTokenKind.Times,
        ["true"] = PatternTokenKind.BoolLiteral,
        ["false"] = PatternTokenKind.BoolLiteral,
    };

    public static List<PatternToken> Tokenize(string text)
    {
        var tokens = new List<PatternToken>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new PatternToken(PatternTokenKind.End, text.Length, ""));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (i + 1 < text.Length && text[i + 1] == '\'' && c is 'h' or 'b' or 't')
            {
                var (kind, content, end) = ReadPrefixedLiteral(text, i);
                tokens.Add(new PatternToken(kind, start, content));
                i = end;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new PatternToken(Keywords.GetValueOrDefault(word, PatternTokenKind.Identifier), start, word));
                continue;
            }

            if (c == '\'')
            {
                var (content, end) = ReadString(text, i);
                tokens.Add(new PatternToken(PatternTokenKind.StringLiteral, start, content));
                i = end;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c is '+' or '-' or '.' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == '.' && c != '.'))))
            {
                var (kind, end) = ReadNumber(text, i);
                tokens.Add(new PatternToken(kind, start, text[start..end]));
                i = end;
                continue;
            }

            var (symbol, length) = c switch
            {
                '=' => (PatternTokenKind.Equal, At(text, i + 1) == '=' ? 2 : 1),
                '!' when At(text, i + 1) == '=' => (PatternTokenKind.NotEqual, 2),
                '<' when At(text, i + 1) == '>' => (PatternTokenKind.NotEqual, 2),
                '<' when At(text, i + 1) == '=' => (PatternTokenKind.LessOrEqual, 2),
                '<' => (PatternTokenKind.Less, 1),
                '>' when At(text, i + 1) == '=' => (PatternTokenKind.GreaterOrEqual, 2),
                '>' => (PatternTokenKind.Greater, 1),
                ':' => (PatternTokenKind.Colon, 1),
                '.' => (PatternTokenKind.Dot, 1),
                ',' => (PatternTokenKind.Comma, 1),
                '(' => (PatternTokenKind.LeftParen, 1),
                ')' => (PatternTokenKind.RightParen, 1),
                '[' => (PatternTokenKind.LeftBracket, 1),
                ']' => (PatternTokenKind.RightBracket, 1),
                '*' => (PatternTokenKind.Asterisk, 1),
                _ => throw new PatternSyntaxException(i, $"unexpected character '{Printable(c)}'"),
            };
            tokens.Add(new PatternToken(symbol, start, text.Substring(start, length)));
            i += length;
        }
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (IsPatternWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new PatternSyntaxException(i, "comment is not closed with */");
                }

                i = end + 2;
            }
            else if (text[i] == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] is not '\r' and not '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The WS rule of the grammar: ASCII blanks and the Unicode spaces it lists.</summary>
    private static bool IsPatternWhiteSpace(char c) =>
        c is ' ' or '\t' or '\r' or '\n' or '\u000B' or '\u000C' or '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' || c is >= '\u2000' and <= '\u200A';

    private static (string Content, int End) ReadString(string text, int quote)
    {
        var builder = new StringBuilder();
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                return (builder.ToString(), i + 1);
            }

            if (c == '\\')
            {
                var next = At(text, i + 1);
                if (next is not '\'' and not '\\')
                {
                    throw new PatternSyntaxException(i, "only \\' and \\\\ may be escaped in a string");
                }

                builder.Append(next);
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new PatternSyntaxException(quote, "string is not closed with '");
    }

    private static (PatternTokenKind Kind, string Content, int End) ReadPrefixedLiteral(string text, int start)
    {
        var prefix = text[start];
        var close = text.IndexOf('\'', start + 2);
        if (close < 0)
        {
            throw new PatternSyntaxException(start, $"{prefix}'…' literal is not closed with '");
        }

        var content = text[(start + 2)..close];
        switch (prefix)
        {
            case 'h':
                if (content.Length % 2 != 0 || !content.All(char.IsAsciiHexDigit))
                {
                    throw new PatternSyntaxException(start, "hex literal must hold pairs of hex digits");
                }

                return (PatternTokenKind.HexLiteral, content, close + 1);
            case 'b':
                if (content.Length == 0 || content.Length % 4 != 0 || !IsBase64(content))
                {
                    throw new PatternSyntaxException(start, "binary literal must be base64");
                }

                return (PatternTokenKind.BinaryLiteral, content, close + 1);
            default:
                if (!IsTimestamp(content))
                {
                    throw new PatternSyntaxException(start, "timestamp must be YYYY-MM-DDTHH:MM:SS[.s+]Z");
                }

                return (PatternTokenKind.TimestampLiteral, content, close + 1);
        }
    }

    private static bool IsBase64(string content)
    {
        var padding = content.EndsWith("==", StringComparison.Ordinal) ? 2 : content.EndsWith('=') ? 1 : 0;
        return content.AsSpan(0, content.Length - padding).IndexOfAnyExcept(Base64Chars) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> Base64Chars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /// <summary>The TimestampLiteral rule: fixed digits, month 01-12, day 01-31, hour 00-23, second up to 60, UTC.</summary>
    private static bool IsTimestamp(string s)
    {
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z')
        {
            return false;
        }

        static int Number(string s, int at) =>
            char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) ? ((s[at] - '0') * 10) + s[at + 1] - '0' : -1;

        if (!s.AsSpan(0, 4).ContainsOnlyDigits() || Number(s, 5) is < 1 or > 12 || Number(s, 8) is < 1 or > 31
            || Number(s, 11) is < 0 or > 23 || Number(s, 14) is < 0 or > 59 || Number(s, 17) is < 0 or > 60)
        {
            return false;
        }

        var rest = s.AsSpan(19, s.Length - 20);
        return rest.Length == 0 || (rest.Length > 1 && rest[0] == '.' && rest[1..].ContainsOnlyDigits());
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.IndexOfAnyExceptInRange('0', '9') < 0;

    private static (PatternTokenKind Kind, int End) ReadNumber(string text, int start)
    {
        var i = start;
        if (text[i] is '+' or '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var intDigits = i - digitsStart;
        if (At(text, i) == '.' && char.IsAsciiDigit(At(text, i + 1)))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            return (PatternTokenKind.FloatLiteral, i);
        }

        if (intDigits == 0)
        {
            throw new PatternSyntaxException(start, "a number needs digits");
        }

        if (intDigits > 1 && text[digitsStart] == '0')
        {
            throw new PatternSyntaxException(start, "integers have no leading zeros");
        }

        return (PatternTokenKind.IntLiteral, i);
    }
}
