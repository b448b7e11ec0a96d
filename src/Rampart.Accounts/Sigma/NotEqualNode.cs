using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary><c>field|neq: values</c>: the field is present and equals none of the values.</summary>
internal sealed class NotEqualNode(int slot, FieldMatchNode anyEqual) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) =>
        context.TryGet(slot, out var value) && value.Kind != JsonTokenType.Null && !anyEqual.Evaluate(context);
}
