namespace Rampart.Accounts.Sigma;

/// <summary>
/// Why a rule could not be loaded or compiled, and where: errors are data, so `rules check` can list
/// every one with its file and line instead of stopping at the first.
/// </summary>
public sealed record SigmaLoadError(string File, int Line, int Column, string Reason)
{
    /// <summary>The reason as compilers print it: <c>file:line:column: reason</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Reason}";
}
