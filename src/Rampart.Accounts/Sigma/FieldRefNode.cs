namespace Rampart.Accounts.Sigma;

/// <summary>
/// <c>field|fieldref: other</c>: the field's value compared with another field's value of the same
/// event (equal, or with startswith/endswith/contains; <c>neq</c> negates). Both must be scalars.
/// </summary>
internal sealed class FieldRefNode(int slot, int otherSlot, FieldRefMode mode, bool cased, bool negate) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context)
    {
        if (!context.TryGet(slot, out var value) || !context.TryGet(otherSlot, out var other) || !value.IsScalar || !other.IsScalar)
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
}
