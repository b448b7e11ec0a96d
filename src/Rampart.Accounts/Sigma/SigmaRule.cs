namespace Rampart.Accounts.Sigma;

/// <summary>A Sigma detection rule: which events it applies to and what it looks for in them.</summary>
public sealed class SigmaRule : SigmaDocument
{
    public required SigmaLogSource LogSource { get; init; }

    public required SigmaDetection Detection { get; init; }
}
