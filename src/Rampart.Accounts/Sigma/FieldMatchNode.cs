using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// <c>field: values</c>: the field's value (any element, when it is an array) matches any value,
/// or, with <c>all</c>, every value. Objects and absent fields match no value.
/// </summary>
internal sealed class FieldMatchNode(int slot, ValueMatcher[] matchers, bool all) : SigmaNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private bool Matches(SigmaEventContext context, RawValue value, ValueMatcher matcher) => value.Kind switch
    {
        JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => matcher.Matches(context.SlotText(slot, value)),
        JsonTokenType.StartArray => context.AnyElement(value, matcher),
        _ => false,
    };
}
