namespace Rampart.Core.Text;

/// <summary>RFC 4180 lines for CSV output; <see cref="CsvReader"/> reads them back.</summary>
public static class Csv
{
    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field));

    private static string Field(string? value) =>
        value is null ? "" :
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
