namespace Rampart.Accounts.Sigma;

/// <summary>One value of a detection item as written in the rule, with where it was written.</summary>
public sealed record SigmaValue(SigmaValueKind Kind, string Text, int Line, int Column);
