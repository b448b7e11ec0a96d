using System.Text.Json;

namespace Rampart.Taxii.Objects;

/// <summary>
/// The filters of a TAXII read (§3.4 "Filtering", §3.5 "Pagination"): <c>added_after</c> (exclusive),
/// <c>match[id]</c>, <c>match[type]</c>, <c>match[version]</c>, <c>match[spec_version]</c>, <c>limit</c>.
/// Null lists mean "no filter".
/// </summary>
public sealed record TaxiiQuery(
    long? AddedAfter,
    IReadOnlyList<string>? Ids,
    IReadOnlyList<string>? Types,
    TaxiiVersionFilter Version,
    IReadOnlyList<string>? SpecVersions,
    int? Limit)
{
    public static TaxiiQuery Empty { get; } = new(null, null, null, TaxiiVersionFilter.Default, null, null);

    /// <summary>The filters (not the paging position) as one canonical string: what a cursor is bound to.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(new[]
    {
        string.Join(',', Ids ?? []),
        string.Join(',', Types ?? []),
        Version.ToString(),
        string.Join(',', SpecVersions ?? []),
    });

    /// <summary>True when the request names any filter; a request with <c>next</c> and none continues with the cursor's.</summary>
    public bool HasFilters => Ids is not null || Types is not null || SpecVersions is not null || Version.ToString() != "last";

    /// <summary>The filters a <see cref="Fingerprint"/> stands for, read back through the same parser.</summary>
    public static TaxiiQuery FromFingerprint(string fingerprint, int? limit)
    {
        var parts = JsonSerializer.Deserialize<string[]>(fingerprint) ?? ["", "", "", ""];
        string? Value(string name) => name switch
        {
            "match[id]" => Blank(parts[0]),
            "match[type]" => Blank(parts[1]),
            "match[version]" => Blank(parts[2]),
            "match[spec_version]" => Blank(parts[3]),
            _ => null,
        };
        return TaxiiQueryParser.TryParse(Value, allowIdAndType: true, allowVersion: true, out var query, out var error)
            ? query with { Limit = limit }
            : throw new FormatException($"stored cursor filters do not parse: {error}");
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
