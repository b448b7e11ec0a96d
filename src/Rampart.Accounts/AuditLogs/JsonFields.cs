using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Field look-ups in a record by dotted path, ignoring case (Graph writes <c>userPrincipalName</c>,
/// Sentinel <c>UserPrincipalName</c>). A literal property whose name has dots wins over the walk,
/// so flattened fields such as <c>Parameters.ForwardTo</c> are found too.
/// </summary>
public static class JsonFields
{
    public static bool TryGet(JsonElement element, string path, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (TryGetProperty(element, path, out value))
        {
            return true;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && TryGetProperty(element, path[..dot], out var child) && TryGet(child, path[(dot + 1)..], out value);
    }

    /// <summary>The value at <paramref name="path"/> as text: a string as is, a number or boolean as written; null otherwise.</summary>
    public static string? GetText(JsonElement element, string path) =>
        TryGet(element, path, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null => null,
    };

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        // Compares the raw UTF-8 names, so a miss allocates nothing (records have dozens of fields).
        foreach (var property in element.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var plain = Ascii.IsValid(raw) && !raw.Contains((byte)'\\');
            if (plain ? raw.Length == name.Length && Ascii.EqualsIgnoreCase(raw, name) : property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
