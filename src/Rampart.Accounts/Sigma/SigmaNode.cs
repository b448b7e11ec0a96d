namespace Rampart.Accounts.Sigma;

/// <summary>A compiled piece of a detection: evaluated against the current event, allocating nothing.</summary>
internal abstract class SigmaNode
{
    public abstract bool Evaluate(SigmaEventContext context);
}
