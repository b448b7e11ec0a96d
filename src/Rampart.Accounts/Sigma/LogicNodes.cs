namespace Rampart.Accounts.Sigma;

internal sealed class AndNode(SigmaNode[] operands) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(context))
            {
                return false;
            }
        }

        return true;
    }
}

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

internal sealed class NotNode(SigmaNode operand) : SigmaNode
{
    public override bool Evaluate(SigmaEventContext context) => !operand.Evaluate(context);
}
