using System.Runtime.CompilerServices;
namespace Rampart.Accounts.Sigma;

internal sealed class AndNode(SigmaNode[] operands) : SigmaNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
