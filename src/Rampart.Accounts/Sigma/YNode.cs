using YamlDotNet.RepresentationModel;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// A YAML node with its position, independent of YamlDotNet's model so documents of a rule
/// collection (<c>action: global</c>) can be merged while every value keeps the line it came from.
/// </summary>
internal abstract class YNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public static YNode From(YamlNode node)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case YamlScalarNode scalar:
                return YScalar.Resolve(scalar.Value ?? "", scalar.Style, scalar.Tag.IsEmpty ? null : scalar.Tag.Value, line, column);
            case YamlSequenceNode sequence:
                return new YSequence([.. sequence.Children.Select(From)], line, column);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<YScalar, YNode>>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    if (From(key) is not YScalar scalarKey)
                    {
                        throw new SigmaException((int)key.Start.Line, (int)key.Start.Column, "a mapping key must be a plain value");
                    }

                    entries.Add(new(scalarKey, From(value)));
                }

                return new YMapping(entries, line, column);
            default:
                throw new SigmaException(line, column, $"unsupported YAML node ({node.NodeType})");
        }
    }
}
