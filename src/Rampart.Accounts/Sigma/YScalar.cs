using System.Globalization;
using YamlDotNet.Core;

namespace Rampart.Accounts.Sigma;

/// <summary>A YAML scalar: its text as written and the core-schema type a plain scalar resolves to.</summary>
internal sealed class YScalar(string text, YScalarKind kind, int line, int column) : YNode(line, column)
{
    public string Text { get; } = text;

    public YScalarKind Kind { get; } = kind;

    public static YScalar Resolve(string text, ScalarStyle style, string? tag, int line, int column)
    {
        if (style is not (ScalarStyle.Plain or ScalarStyle.Any) || tag is "tag:yaml.org,2002:str" or "!")
        {
            return new YScalar(text, YScalarKind.String, line, column);
        }

        return new YScalar(text, KindOfPlain(text), line, column);
    }

    private static YScalarKind KindOfPlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return YScalarKind.Boolean;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? YScalarKind.Number
            : YScalarKind.String;
    }

    public override string ToString() => Text;
}
