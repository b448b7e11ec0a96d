using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary><c>field: null</c>: the field is absent or JSON null.</summary>
internal sealed class NullNode(int slot) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) =>
        !context.TryGet(slot, out var value) || value.Kind == JsonTokenType.Null;
}
