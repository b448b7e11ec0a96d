namespace Rampart.Accounts.Sigma;

/// <summary>
/// Raised inside the loader and compiler only, to unwind from a nested construct to the document
/// being read; it never leaves the engine: the loader turns it into a <see cref="SigmaLoadError"/>.
/// </summary>
internal sealed class SigmaException(int line, int column, string reason) : Exception(reason)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public static SigmaException At(YNode node, string reason) => new(node.Line, node.Column, reason);
}
