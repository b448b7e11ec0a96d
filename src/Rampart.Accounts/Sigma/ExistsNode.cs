namespace Rampart.Accounts.Sigma;

/// <summary><c>field|exists: true/false</c>: presence only, whatever the value (spec: even empty or null).</summary>
internal sealed class ExistsNode(int slot, bool expected) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) => context.TryGet(slot, out _) == expected;
}
