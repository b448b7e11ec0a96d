using System.Globalization;
using System.Text;

namespace Rampart.Cli;

/// <summary>Values from logs, feeds and arguments as they may be shown on a terminal.</summary>
public static class TerminalText
{
    /// <summary>Control characters (and DEL, and the C1 range) as \xNN, so a hostile value cannot drive the terminal.</summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(char.IsControl))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = char.IsControl(c) ? text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : text.Append(c);
        }

        return text.ToString();
    }
}
