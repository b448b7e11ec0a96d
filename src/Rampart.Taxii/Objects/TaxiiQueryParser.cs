using System.Globalization;

namespace Rampart.Taxii.Objects;

/// <summary>
/// Parses a request's URL parameters into a <see cref="TaxiiQuery"/>. A bad value is a client error
/// (400 with an error message naming the parameter), never a crash or a silently ignored filter.
/// </summary>
public static class TaxiiQueryParser
{
    /// <summary>Types are STIX type names: lowercase letters, digits and hyphens (STIX 2.1 §3.1 "type").</summary>
    private const int MaxValues = 1000;

    public static bool TryParse(
        Func<string, string?> parameter, bool allowIdAndType, bool allowVersion, out TaxiiQuery query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        query = TaxiiQuery.Empty;
        error = null;

        long? addedAfter = null;
        if (parameter("added_after") is { } after)
        {
            if (!TaxiiTimestamp.TryParse(after, out var time))
            {
                error = $"added_after: '{after}' is not a timestamp (RFC 3339, UTC, ending in Z)";
                return false;
            }

            addedAfter = TaxiiTimestamp.ToMicroseconds(time);
        }

        int? limit = null;
        if (parameter("limit") is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                error = $"limit: '{limitText}' is not a positive integer";
                return false;
            }

            limit = parsed;
        }

        string[]? ids = null, types = null;
        if (allowIdAndType)
        {
            ids = List(parameter("match[id]"));
            types = List(parameter("match[type]"));
            if (types?.FirstOrDefault(t => !IsTypeName(t)) is { } badType)
            {
                error = $"match[type]: '{badType}' is not a STIX type name";
                return false;
            }
        }

        var specVersions = List(parameter("match[spec_version]"));
        if (specVersions?.FirstOrDefault(v => v is not ("2.0" or "2.1")) is { } badSpec)
        {
            error = $"match[spec_version]: '{badSpec}' is not a STIX specification version (2.0 or 2.1)";
            return false;
        }

        var version = TaxiiVersionFilter.Default;
        if (allowVersion && List(parameter("match[version]")) is { } versions)
        {
            bool all = false, first = false, last = false;
            var named = new List<DateTimeOffset>();
            foreach (var value in versions)
            {
                switch (value)
                {
                    case "all": all = true; break;
                    case "first": first = true; break;
                    case "last": last = true; break;
                    default:
                        if (!TaxiiTimestamp.TryParse(value, out var time))
                        {
                            error = $"match[version]: '{value}' is not last, first, all or a timestamp";
                            return false;
                        }

                        named.Add(time);
                        break;
                }
            }

            version = all ? TaxiiVersionFilter.Every : new TaxiiVersionFilter(false, first, last, named);
        }

        if ((ids?.Length ?? 0) + (types?.Length ?? 0) + version.Versions.Count > MaxValues)
        {
            error = $"at most {MaxValues} match values per request";
            return false;
        }

        query = new TaxiiQuery(addedAfter, ids, types, version, specVersions, limit);
        return true;
    }

    /// <summary>A comma-separated list, values trimmed, empties dropped; null when absent or empty.</summary>
    private static string[]? List(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        return values.Length == 0 ? null : values;
    }

    private static bool IsTypeName(string type) =>
        type.Length is > 0 and <= 250 && type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
