using System.Text.RegularExpressions;

namespace Rampart.Core.Indicators;

/// <summary>
/// Undoes the defanging that reports and feeds apply so an indicator cannot be clicked:
/// <c>hxxps://evil[.]com</c>, <c>1.2.3(.)4</c>, <c>user[@]x.com</c>, <c>user(at)x[dot]com</c>, <c>http[:]//</c>.
/// </summary>
public static partial class Defang
{
    public static string Refang(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!MightBeDefanged(value))
        {
            return value;
        }

        var text = DotPattern().Replace(value, ".");
        text = AtPattern().Replace(text, "@");
        text = ColonPattern().Replace(text, ":");
        text = SlashesPattern().Replace(text, "://");
        return SchemePattern().Replace(text, match => match.Groups["scheme"].Value.ToLowerInvariant() switch
        {
            "hxxp" or "hxtp" or "htxp" or "meow" => "http",
            "hxxps" or "hxtps" or "htxps" or "meows" => "https",
            "fxp" => "ftp",
            _ => match.Groups["scheme"].Value,
        } + match.Groups["rest"].Value);
    }

    private static bool MightBeDefanged(string value) =>
        value.AsSpan().IndexOfAny("[({") >= 0 || value.Contains("xx", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("meow", StringComparison.OrdinalIgnoreCase) || value.StartsWith("fxp", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("hxtp", StringComparison.OrdinalIgnoreCase) || value.StartsWith("htxp", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DotPattern();

    [GeneratedRegex(@"\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtPattern();

    [GeneratedRegex(@"\[:\]|\(:\)|\{:\}", RegexOptions.CultureInvariant)]
    private static partial Regex ColonPattern();

    [GeneratedRegex(@"\[://\]|\(://\)|\{://\}|:\[//\]|:\(//\)", RegexOptions.CultureInvariant)]
    private static partial Regex SlashesPattern();

    [GeneratedRegex(@"^(?<scheme>hxxps?|hxtps?|htxps?|meows?|fxp)(?<rest>://)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
