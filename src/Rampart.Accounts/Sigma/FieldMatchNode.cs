using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// <c>field: values</c>: the field's value (any element, when it is an array) matches any value,
/// or, with <c>all</c>, every value. Objects and absent fields match no value.
/// </summary>
internal sealed class FieldMatchNode(int slot, ValueMatcher[] matchers, bool all) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context)
    {
        if (!context.TryGet(slot, out var value))
        {
            return MatchesThroughArrays(context);
        }

        if (all)
        {
            foreach (var matcher in matchers)
            {
                if (!Matches(context, value, matcher))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var matcher in matchers)
        {
            if (Matches(context, value, matcher))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesThroughArrays(SigmaEventContext context)
    {
        foreach (var matcher in matchers)
        {
            if (context.AnyThroughArrays(slot, matcher) != all)
            {
                return !all;
            }
        }

        return all;
    }

    private bool Matches(SigmaEventContext context, JsonElement value, ValueMatcher matcher)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return matcher.Matches(context.SlotText(slot, value));
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                        && matcher.Matches(context.ScratchText(element)))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
