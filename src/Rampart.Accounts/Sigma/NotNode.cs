namespace Rampart.Accounts.Sigma;

internal sealed class NotNode(SigmaNode operand) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) => !operand.Evaluate(context);
}
