namespace Rampart.Accounts.Sigma;

/// <summary>
/// Parses a Sigma condition (spec: "Condition"): <c>or</c> binds least, then <c>and</c>, then
/// <c>not</c>, then <c>1 of</c>/<c>all of</c>, then parentheses. The obsolete aggregation syntax
/// (<c>| count() by x &gt; 5</c>, <c>near</c>) is rejected with a pointer to correlation rules.
/// </summary>
public static class SigmaConditionParser
{
    /// <summary>Deeper nesting than this is refused: hostile input must not overflow the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and the reason with its 0-based offset.</summary>
    public static SigmaCondition? TryParse(string text, out string? error, out int errorOffset)
    {
        try
        {
            var parser = new Parser(text);
            var result = parser.ParseOr(0);
            parser.ExpectEnd();
            error = null;
            errorOffset = 0;
            return result;
        }
        catch (ConditionSyntaxException ex)
        {
            error = ex.Message;
            errorOffset = ex.Offset;
            return null;
        }
    }

    private sealed class ConditionSyntaxException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private readonly record struct Token(string Text, int Offset);

    private sealed class Parser
    {
        private readonly List<Token> _tokens = [];
        private readonly int _length;
        private int _position;

        public Parser(string text)
        {
            _length = text.Length;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c is '(' or ')')
                {
                    _tokens.Add(new(c.ToString(), i));
                    i++;
                }
                else if (c == '|')
                {
                    throw new ConditionSyntaxException(i, "aggregation expressions ('| count() ...') are obsolete in Sigma 2; write a correlation rule instead");
                }
                else
                {
                    var start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                    {
                        i++;
                    }

                    _tokens.Add(new(text[start..i], start));
                }
            }
        }

        private Token? Peek => _position < _tokens.Count ? _tokens[_position] : null;

        private bool PeekIs(string keyword) => Peek is { } t && string.Equals(t.Text, keyword, StringComparison.OrdinalIgnoreCase);

        public void ExpectEnd()
        {
            if (Peek is { } t)
            {
                if (IsKeyword(t.Text, "near"))
                {
                    throw new ConditionSyntaxException(t.Offset, "'near' aggregations are obsolete in Sigma 2; write a temporal correlation rule instead");
                }

                throw new ConditionSyntaxException(t.Offset, $"unexpected '{t.Text}' after a complete expression (missing 'and'/'or'?)");
            }
        }

        public SigmaCondition ParseOr(int depth)
        {
            var left = ParseAnd(depth);
            while (PeekIs("or"))
            {
                _position++;
                left = new SigmaCondition.Or(left, ParseAnd(depth));
            }

            return left;
        }

        private SigmaCondition ParseAnd(int depth)
        {
            var left = ParseNot(depth);
            while (PeekIs("and"))
            {
                _position++;
                left = new SigmaCondition.And(left, ParseNot(depth));
            }

            return left;
        }

        private SigmaCondition ParseNot(int depth)
        {
            if (PeekIs("not"))
            {
                var offset = Peek!.Value.Offset;
                _position++;
                if (depth >= MaxDepth)
                {
                    throw new ConditionSyntaxException(offset, $"condition nested deeper than {MaxDepth} levels");
                }

                return new SigmaCondition.Not(ParseNot(depth + 1));
            }

            return ParsePrimary(depth);
        }

        private SigmaCondition ParsePrimary(int depth)
        {
            if (Peek is not { } token)
            {
                throw new ConditionSyntaxException(_length, "expression expected at the end of the condition");
            }

            if (token.Text == "(")
            {
                if (depth >= MaxDepth)
                {
                    throw new ConditionSyntaxException(token.Offset, $"condition nested deeper than {MaxDepth} levels");
                }

                _position++;
                var inner = ParseOr(depth + 1);
                if (Peek is not { Text: ")" })
                {
                    throw new ConditionSyntaxException(Peek?.Offset ?? _length, "')' expected");
                }

                _position++;
                return inner;
            }

            if (token.Text == ")")
            {
                throw new ConditionSyntaxException(token.Offset, "unexpected ')'");
            }

            if (IsKeyword(token.Text, "and") || IsKeyword(token.Text, "or") || IsKeyword(token.Text, "of") || IsKeyword(token.Text, "them"))
            {
                throw new ConditionSyntaxException(token.Offset, $"'{token.Text}' where a search identifier was expected");
            }

            if (IsKeyword(token.Text, "near"))
            {
                throw new ConditionSyntaxException(token.Offset, "'near' aggregations are obsolete in Sigma 2; write a temporal correlation rule instead");
            }

            var isQuantifier = token.Text == "1" || IsKeyword(token.Text, "all") || IsKeyword(token.Text, "any");
            if (isQuantifier && _position + 1 < _tokens.Count && IsKeyword(_tokens[_position + 1].Text, "of"))
            {
                _position += 2;
                if (Peek is not { } target || target.Text is "(" or ")")
                {
                    throw new ConditionSyntaxException(Peek?.Offset ?? _length, "a search-identifier pattern or 'them' expected after 'of'");
                }

                _position++;
                var all = IsKeyword(token.Text, "all");
                return new SigmaCondition.Of(all, IsKeyword(target.Text, "them") ? null : target.Text);
            }

            if (char.IsAsciiDigit(token.Text[0]) && _position + 1 < _tokens.Count && IsKeyword(_tokens[_position + 1].Text, "of"))
            {
                throw new ConditionSyntaxException(token.Offset, $"'{token.Text} of' is not Sigma: only '1 of' and 'all of' are defined");
            }

            _position++;
            return new SigmaCondition.Identifier(token.Text);
        }

        private static bool IsKeyword(string text, string keyword) => string.Equals(text, keyword, StringComparison.OrdinalIgnoreCase);
    }
}
