using System.Text.Json;

namespace Rampart.Cases.Pivots;

/// <summary>
/// Records of a JSON file that is either one array of objects or one object per line (JSON lines),
/// each with where it is: the line for JSON lines (a line that does not parse is an error for that
/// line only), the 1-based item number for an array (which parses whole or not at all).
/// Property names match case-insensitively.
/// </summary>
internal static class JsonRecords
{
    /// <summary>Nesting deeper than this is refused: pivot records are flat or one level deep.</summary>
    private const int MaxDepth = 16;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static IEnumerable<(int Line, JsonElement Element, string? Error)> Read(string text)
    {
        if (text.TrimStart().StartsWith('['))
        {
            JsonDocument? document = null;
            string? error = null;
            var errorLine = 1;
            try
            {
                document = JsonDocument.Parse(text, Options);
            }
            catch (JsonException ex)
            {
                error = $"not valid JSON: {ex.Message}";
                errorLine = (int)(ex.LineNumber ?? 0) + 1;
            }

            if (document is null)
            {
                yield return (errorLine, default, error);
                yield break;
            }

            using (document)
            {
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    index++;
                    yield return (index, element.Clone(), element.ValueKind == JsonValueKind.Object ? null : $"item {index} is not an object");
                }
            }

            yield break;
        }

        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            JsonElement element = default;
            string? error = null;
            try
            {
                using var document = JsonDocument.Parse(line, Options);
                element = document.RootElement.Clone();
                if (element.ValueKind != JsonValueKind.Object)
                {
                    error = "not a JSON object";
                }
            }
            catch (JsonException ex)
            {
                error = $"not valid JSON: {ex.Message}";
            }

            yield return (lineNumber, element, error);
        }
    }

    public static JsonElement? Object(JsonElement element, string name) =>
        Property(element, [name]) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The first of <paramref name="names"/> present as a string or number, as text.</summary>
    public static string? String(JsonElement element, IReadOnlyList<string> names) => Property(element, names) switch
    {
        { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } s => s,
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>The first of <paramref name="names"/> present, as a list: an array's strings, or one string.</summary>
    public static IEnumerable<string> Strings(JsonElement element, IReadOnlyList<string> names) => Property(element, names) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        { ValueKind: JsonValueKind.String } value => [value.GetString()!],
        _ => [],
    };

    private static JsonElement? Property(JsonElement element, IReadOnlyList<string> names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }
}
