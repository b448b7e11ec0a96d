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

/// <summary><c>field: null</c>: the field is absent or JSON null.</summary>
internal sealed class NullNode(int slot) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) =>
        !context.TryGet(slot, out var value) || value.ValueKind == JsonValueKind.Null;
}

/// <summary><c>field|exists: true/false</c>: presence only, whatever the value (spec: even empty or null).</summary>
internal sealed class ExistsNode(int slot, bool expected) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) => context.TryGet(slot, out _) == expected;
}

/// <summary><c>field|neq: values</c>: the field is present and equals none of the values.</summary>
internal sealed class NotEqualNode(int slot, FieldMatchNode anyEqual) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) =>
        context.TryGet(slot, out var value) && value.ValueKind != JsonValueKind.Null && !anyEqual.Evaluate(context);
}

/// <summary>
/// <c>field|fieldref: other</c>: the field's value compared with another field's value of the same
/// event (equal, or with startswith/endswith/contains; <c>neq</c> negates). Both must be scalars.
/// </summary>
internal sealed class FieldRefNode(int slot, int otherSlot, FieldRefMode mode, bool cased, bool negate) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context)
    {
        if (!context.TryGet(slot, out var value) || !context.TryGet(otherSlot, out var other) || !IsScalar(value) || !IsScalar(other))
        {
            return false;
        }

        var text = context.SlotText(slot, value);
        var needle = context.SlotText(otherSlot, other);
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var result = mode switch
        {
            FieldRefMode.Equals => text.Equals(needle, comparison),
            FieldRefMode.StartsWith => text.StartsWith(needle, comparison),
            FieldRefMode.EndsWith => text.EndsWith(needle, comparison),
            FieldRefMode.Contains => text.Contains(needle, comparison),
        };
        return result != negate;
    }

    private static bool IsScalar(JsonElement e) => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}

internal enum FieldRefMode
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,
}

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
