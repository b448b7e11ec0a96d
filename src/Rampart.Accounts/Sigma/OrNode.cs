namespace Rampart.Accounts.Sigma;

internal sealed class OrNode(SigmaNode[] operands) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(context))
            {
                return true;
            }
        }

        return false;
    }
}
