namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// A recursive-descent parser for the whole STIX 2.1 pattern grammar (STIXPattern.g4). Precedence,
/// loosest first: FOLLOWEDBY, OR, AND between observations; OR, AND inside one. Never throws on bad
/// input: the result carries the first error and its position.
/// </summary>
public sealed class StixPatternParser
{
    /// <summary>Longer patterns are refused; real indicators stay far below (the largest ATT&amp;CK-era feeds use a few KB).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Parentheses and brackets nest at most this deep, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private readonly List<PatternToken> _tokens;
    private int _next;
    private int _depth;

    private StixPatternParser(List<PatternToken> tokens) => _tokens = tokens;

    public static PatternParseResult Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxLength)
        {
            return new PatternParseResult(null, new PatternError(MaxLength, $"pattern is {pattern.Length} characters; the limit is {MaxLength}"));
        }

        try
        {
            var parser = new StixPatternParser(PatternLexer.Tokenize(pattern));
            var result = parser.ObservationExpressions();
            parser.Expect(PatternTokenKind.End, "end of pattern");
            return new PatternParseResult(result, null);
        }
        catch (PatternSyntaxException ex)
        {
            return new PatternParseResult(null, new PatternError(ex.Position, ex.Message));
        }
    }

    private PatternToken Current => _tokens[_next];

    private PatternToken Advance() => _tokens[_next++];

    private bool Accept(PatternTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private PatternToken Expect(PatternTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(what);
        }

        return Advance();
    }

    private PatternSyntaxException Unexpected(string expected)
    {
        var found = Current.Kind == PatternTokenKind.End ? "end of pattern" : $"'{Current.Text}'";
        return new PatternSyntaxException(Current.Position, $"expected {expected}, found {found}");
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new PatternSyntaxException(Current.Position, $"nested deeper than {MaxDepth}");
        }
    }

    private ObservationNode ObservationExpressions()
    {
        var left = ObservationOr();
        while (Accept(PatternTokenKind.FollowedBy))
        {
            left = new ObservationJunction(PatternTokenKind.FollowedBy, left, ObservationOr());
        }

        return left;
    }

    private ObservationNode ObservationOr()
    {
        var left = ObservationAnd();
        while (Accept(PatternTokenKind.Or))
        {
            left = new ObservationJunction(PatternTokenKind.Or, left, ObservationAnd());
        }

        return left;
    }

    private ObservationNode ObservationAnd()
    {
        var left = QualifiedObservation();
        while (Accept(PatternTokenKind.And))
        {
            left = new ObservationJunction(PatternTokenKind.And, left, QualifiedObservation());
        }

        return left;
    }

    private ObservationNode QualifiedObservation()
    {
        var observation = PrimaryObservation();
        while (true)
        {
            switch (Current.Kind)
            {
                case PatternTokenKind.Start:
                    Advance();
                    var from = Expect(PatternTokenKind.TimestampLiteral, "a timestamp t'…' after START").Text;
                    Expect(PatternTokenKind.Stop, "STOP");
                    var to = Expect(PatternTokenKind.TimestampLiteral, "a timestamp t'…' after STOP").Text;
                    observation = new QualifiedObservation(observation, PatternTokenKind.Start, [from, to]);
                    break;
                case PatternTokenKind.Within:
                    Advance();
                    var seconds = Current;
                    if (seconds.Kind is not (PatternTokenKind.IntLiteral or PatternTokenKind.FloatLiteral) || seconds.Text.StartsWith('-'))
                    {
                        throw Unexpected("a positive number of seconds after WITHIN");
                    }

                    Advance();
                    Expect(PatternTokenKind.Seconds, "SECONDS");
                    observation = new QualifiedObservation(observation, PatternTokenKind.Within, [seconds.Text]);
                    break;
                case PatternTokenKind.Repeats:
                    Advance();
                    var times = Current;
                    if (times.Kind != PatternTokenKind.IntLiteral || times.Text.StartsWith('-'))
                    {
                        throw Unexpected("a positive integer after REPEATS");
                    }

                    Advance();
                    Expect(PatternTokenKind.Times, "TIMES");
                    observation = new QualifiedObservation(observation, PatternTokenKind.Repeats, [times.Text]);
                    break;
                default:
                    return observation;
            }
        }
    }

    private ObservationNode PrimaryObservation()
    {
        Enter();
        ObservationNode node;
        if (Accept(PatternTokenKind.LeftBracket))
        {
            node = new Observation(ComparisonOr());
            Expect(PatternTokenKind.RightBracket, "']' or AND/OR");
        }
        else if (Accept(PatternTokenKind.LeftParen))
        {
            node = ObservationExpressions();
            Expect(PatternTokenKind.RightParen, "')'");
        }
        else
        {
            throw Unexpected("'[' or '('");
        }

        _depth--;
        return node;
    }

    private ComparisonNode ComparisonOr()
    {
        var left = ComparisonAnd();
        while (Accept(PatternTokenKind.Or))
        {
            left = new ComparisonJunction(true, left, ComparisonAnd());
        }

        return left;
    }

    private ComparisonNode ComparisonAnd()
    {
        var left = PropertyTest();
        while (Accept(PatternTokenKind.And))
        {
            left = new ComparisonJunction(false, left, PropertyTest());
        }

        return left;
    }

    private ComparisonNode PropertyTest()
    {
        if (Accept(PatternTokenKind.LeftParen))
        {
            Enter();
            var inner = ComparisonOr();
            Expect(PatternTokenKind.RightParen, "')'");
            _depth--;
            return inner;
        }

        if (Current.Kind == PatternTokenKind.Not || Current.Kind == PatternTokenKind.Exists)
        {
            var negated = Accept(PatternTokenKind.Not);
            if (Accept(PatternTokenKind.Exists))
            {
                return new PropertyTest(ObjectPath(), negated, PatternTokenKind.Exists, null);
            }

            throw Unexpected("EXISTS after NOT (or an object path)");
        }

        var path = ObjectPath();
        var not = Accept(PatternTokenKind.Not);
        var op = Advance();
        switch (op.Kind)
        {
            case PatternTokenKind.Equal:
            case PatternTokenKind.NotEqual:
                return new PropertyTest(path, not, op.Kind, Literal(orderableOnly: false));
            case PatternTokenKind.Less:
            case PatternTokenKind.LessOrEqual:
            case PatternTokenKind.Greater:
            case PatternTokenKind.GreaterOrEqual:
                return new PropertyTest(path, not, op.Kind, Literal(orderableOnly: true));
            case PatternTokenKind.In:
                return new PropertyTest(path, not, op.Kind, SetLiteral());
            case PatternTokenKind.Like:
            case PatternTokenKind.Matches:
            case PatternTokenKind.IsSubset:
            case PatternTokenKind.IsSuperset:
                var text = Expect(PatternTokenKind.StringLiteral, $"a string after {op.Text}");
                return new PropertyTest(path, not, op.Kind, new PatternLiteral(text.Kind, text.Text));
            default:
                _next--;
                throw Unexpected("a comparison operator (=, !=, <, >, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)");
        }
    }

    private ObjectPath ObjectPath()
    {
        var type = Expect(PatternTokenKind.Identifier, "an object type such as domain-name");
        Expect(PatternTokenKind.Colon, "':' after the object type");
        var steps = new List<string> { PropertyName("a property name after ':'") };
        while (true)
        {
            if (Accept(PatternTokenKind.Dot))
            {
                steps.Add(PropertyName("a property name after '.'"));
            }
            else if (Current.Kind == PatternTokenKind.LeftBracket)
            {
                Advance();
                var index = Current;
                if (index.Kind is not (PatternTokenKind.IntLiteral or PatternTokenKind.Asterisk))
                {
                    throw Unexpected("a list index or '*'");
                }

                Advance();
                Expect(PatternTokenKind.RightBracket, "']' after the list index");
                steps.Add("[" + index.Text + "]");
            }
            else
            {
                return new ObjectPath(type.Text, steps);
            }
        }
    }

    private string PropertyName(string what)
    {
        var token = Current;
        if ((token.Kind == PatternTokenKind.Identifier && !token.HasHyphen) || token.Kind == PatternTokenKind.StringLiteral)
        {
            Advance();
            return token.Text;
        }

        throw token.HasHyphen
            ? new PatternSyntaxException(token.Position, $"property name '{token.Text}' holds a hyphen: quote it")
            : Unexpected(what);
    }

    private PatternLiteral Literal(bool orderableOnly)
    {
        var token = Current;
        switch (token.Kind)
        {
            case PatternTokenKind.StringLiteral:
            case PatternTokenKind.IntLiteral:
            case PatternTokenKind.FloatLiteral:
            case PatternTokenKind.HexLiteral:
            case PatternTokenKind.BinaryLiteral:
            case PatternTokenKind.TimestampLiteral:
            case PatternTokenKind.BoolLiteral when !orderableOnly:
                Advance();
                return new PatternLiteral(token.Kind, token.Text);
            default:
                throw Unexpected(orderableOnly ? "a string, number, binary, hex or timestamp literal" : "a literal");
        }
    }

    private PatternLiteral SetLiteral()
    {
        var open = Expect(PatternTokenKind.LeftParen, "'(' opening a set");
        var members = new List<PatternLiteral>();
        if (!Accept(PatternTokenKind.RightParen))
        {
            do
            {
                members.Add(Literal(orderableOnly: false));
            }
            while (Accept(PatternTokenKind.Comma));
            Expect(PatternTokenKind.RightParen, "',' or ')' in the set");
        }

        return new PatternLiteral(PatternTokenKind.In, open.Text, members);
    }
}
