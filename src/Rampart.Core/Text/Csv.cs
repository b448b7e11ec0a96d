namespace Rampart.Core.Text;

/// <summary>RFC 4180 lines for CSV output; <see cref="CsvReader"/> reads them back.</summary>
public static class Csv
{
    /// <summary>A line for machine interchange (lists Rampart reads back): values exactly as given.</summary>
    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// A line for people, who open reports in spreadsheets: a value an attacker may control that starts
    /// with = + - @, a tab or a carriage return (a registrant named <c>=HYPERLINK(…)</c>, a hunted name)
    /// gets a leading apostrophe, as OWASP advises, so it cannot run as a formula.
    /// </summary>
    public static string ReportLine(params string?[] fields) => string.Join(',', fields.Select(f => Field(Defused(f))));

    private static string? Defused(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Field(string? value) =>
        value is null ? "" :
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
