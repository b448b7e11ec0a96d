using System.Diagnostics.CodeAnalysis;

namespace Rampart.Core.Markings;

/// <summary>
/// The one spelling of each TLP level (<c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>,
/// <c>red</c>) and the fixed STIX marking-definition ids of TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0
/// (the OASIS TLP 2.0 extension definitions).
/// </summary>
public static class TlpLevels
{
    /// <summary>File exports default to GREEN: shareable within the community, never public.</summary>
    public const Tlp DefaultExportMaximum = Tlp.Green;

    private static readonly Dictionary<string, Tlp> MarkingIds = new(StringComparer.Ordinal)
    {
        // TLP 1.0, as defined in the STIX 2.1 specification.
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = Tlp.Clear,
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = Tlp.Green,
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = Tlp.Amber,
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = Tlp.Red,

        // TLP 2.0, as published by OASIS with the extension-definition for TLP 2.0.
        ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"] = Tlp.Clear,
        ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"] = Tlp.Green,
        ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"] = Tlp.Amber,
        ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"] = Tlp.AmberStrict,
        ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"] = Tlp.Red,
    };

    /// <summary>The TLP 2.0 marking-definition id of each level, which exports write.</summary>
    public static string ToStixMarkingId(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Tlp.Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Tlp.Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Tlp.AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        Tlp.Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    };

    public static string ToWire(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "clear",
        Tlp.Green => "green",
        Tlp.Amber => "amber",
        Tlp.AmberStrict => "amber+strict",
        Tlp.Red => "red",
    };

    /// <summary>Reads <c>red</c>, <c>TLP:RED</c>, <c>tlp:amber+strict</c>, <c>white</c> (TLP 1.0) in any case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Tlp? tlp)
    {
        var word = text?.Trim().ToLowerInvariant();
        if (word is not null && word.StartsWith("tlp:", StringComparison.Ordinal))
        {
            word = word[4..];
        }

        tlp = word switch
        {
            "clear" or "white" => Tlp.Clear,
            "green" => Tlp.Green,
            "amber" => Tlp.Amber,
            "amber+strict" or "amber-strict" => Tlp.AmberStrict,
            "red" => Tlp.Red,
            _ => null,
        };
        return tlp is not null;
    }

    /// <summary>The TLP level a STIX marking-definition id stands for, TLP 1.0 or 2.0; null for other markings.</summary>
    public static Tlp? FromStixMarkingId(string id) => MarkingIds.TryGetValue(id, out var tlp) ? tlp : null;

    /// <summary>True when <paramref name="id"/> is one of the fixed TLP marking definitions.</summary>
    public static bool IsTlpMarkingId(string id) => MarkingIds.ContainsKey(id);

    /// <summary>The most restrictive of several markings: an object marked GREEN and AMBER is AMBER.</summary>
    public static Tlp? Strictest(Tlp? a, Tlp? b) => a is null ? b : b is null ? a : (Tlp)Math.Max((int)a.Value, (int)b.Value);

    /// <summary>
    /// Whether something marked <paramref name="marking"/> may leave under a ceiling of <paramref name="maximum"/>.
    /// RED never leaves, whatever the ceiling; unmarked intel is treated as CLEAR.
    /// </summary>
    public static bool MayLeave(Tlp? marking, Tlp maximum) => marking != Tlp.Red && (marking ?? Tlp.Clear) <= maximum;
}
