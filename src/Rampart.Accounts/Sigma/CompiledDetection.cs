namespace Rampart.Accounts.Sigma;

/// <summary>A detection compiled to one node, keeping each item's node so a match can be explained.</summary>
internal sealed record CompiledDetection(SigmaNode Root, IReadOnlyList<(SigmaDetectionItem Item, SigmaNode Node)> Items);
