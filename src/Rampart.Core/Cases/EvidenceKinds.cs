namespace Rampart.Core.Cases;

/// <summary>How evidence kinds are spelled (CLI, API, store, appendix).</summary>
public static class EvidenceKinds
{
    public static IReadOnlyList<EvidenceKind> All { get; } = Enum.GetValues<EvidenceKind>();

    public static string ToWire(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Note => "note",
        EvidenceKind.Attachment => "attachment",
        EvidenceKind.Dns => "dns",
        EvidenceKind.Registration => "registration",
        EvidenceKind.Indicator => "indicator",
        EvidenceKind.Sighting => "sighting",
        EvidenceKind.Attribution => "attribution",
        EvidenceKind.Lookalike => "lookalike",
        EvidenceKind.Pivot => "pivot",
    };

    public static bool TryParse(string? text, out EvidenceKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = EvidenceKind.Note;
        return false;
    }
}
