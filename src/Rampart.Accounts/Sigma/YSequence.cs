namespace Rampart.Accounts.Sigma;

internal sealed class YSequence(IReadOnlyList<YNode> items, int line, int column) : YNode(line, column)
{
    public IReadOnlyList<YNode> Items { get; } = items;
}
