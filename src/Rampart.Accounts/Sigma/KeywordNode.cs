using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Keywords (a list of values without a field): some string or number anywhere in the event
/// matches (any keyword, or with <c>|all</c> every keyword, each possibly in a different value).
/// </summary>
internal sealed class KeywordNode(ValueMatcher[] matchers, bool all) : SigmaNode
{
    /// <summary>Events nested deeper are not searched further: hostile JSON must not overflow the stack.</summary>
    private const int MaxDepth = 64;

    public override bool Evaluate(SigmaEventContext context)
    {
        if (!all)
        {
            foreach (var matcher in matchers)
            {
                if (Search(context, context.Root, matcher, 0))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var matcher in matchers)
        {
            if (!Search(context, context.Root, matcher, 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Search(SigmaEventContext context, JsonElement element, ValueMatcher matcher, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in element.EnumerateObject())
                {
                    if (Search(context, property.Value, matcher, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array when depth < MaxDepth:
                foreach (var item in element.EnumerateArray())
                {
                    if (Search(context, item, matcher, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.String or JsonValueKind.Number:
                return matcher.Matches(context.ScratchText(element));
            default:
                return false;
        }
    }
}
