using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Keywords (a list of values without a field): some string or number anywhere in the event
/// matches (any keyword, or with <c>|all</c> every keyword, each possibly in a different value).
/// </summary>
internal sealed class KeywordNode(ValueMatcher[] matchers, bool all) : SigmaNode
{
    /// <summary>Values nested deeper are not searched: the same bound the reader puts on records.</summary>
    private const int MaxDepth = 64;

    public override bool Evaluate(SigmaEventContext context)
    {
        foreach (var matcher in matchers)
        {
            if (Search(context, matcher) != all)
            {
                return !all;
            }
        }

        return all;
    }

    /// <summary>One pass over the event's fields and their tokens: every string or number value (not a name) is a candidate.</summary>
    private static bool Search(SigmaEventContext context, ValueMatcher matcher)
    {
        var record = context.Record;
        record.Prepare();
        for (var i = 0; i < record.Count; i++)
        {
            var field = record.ValueAt(i);
            if (field.IsScalar)
            {
                if (field.Kind is JsonTokenType.String or JsonTokenType.Number && matcher.Matches(context.ScratchText(field)))
                {
                    return true;
                }

                continue;
            }

            // The field is at depth 1 of the record, its tokens one deeper than the reader counts them.
            var reader = RawJson.Open(context.Buffer, field);
            do
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number && reader.CurrentDepth + 1 <= MaxDepth)
                {
                    var value = new RawValue(reader.TokenType, field.Start + (int)reader.TokenStartIndex, reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length);
                    if (matcher.Matches(context.ScratchText(value)))
                    {
                        return true;
                    }
                }
            }
            while (reader.Read());
        }

        return false;
    }
}
