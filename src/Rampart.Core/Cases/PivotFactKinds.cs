namespace Rampart.Core.Cases;

/// <summary>How pivot fact kinds are spelled and described.</summary>
public static class PivotFactKinds
{
    public static IReadOnlyList<PivotFactKind> All { get; } = Enum.GetValues<PivotFactKind>();

    public static string ToWire(this PivotFactKind kind) => kind switch
    {
        PivotFactKind.RegistrantEmail => "registrant-email",
        PivotFactKind.RegistrantName => "registrant-name",
        PivotFactKind.NameServer => "name-server",
        PivotFactKind.Address => "address",
        PivotFactKind.Certificate => "certificate",
        PivotFactKind.NamingPattern => "naming-pattern",
    };

    /// <summary>Words for a reason: "same registrant e-mail".</summary>
    public static string Describe(this PivotFactKind kind) => kind switch
    {
        PivotFactKind.RegistrantEmail => "same registrant e-mail",
        PivotFactKind.RegistrantName => "same registrant name",
        PivotFactKind.NameServer => "same name server",
        PivotFactKind.Address => "same IP in the same period",
        PivotFactKind.Certificate => "same certificate",
        PivotFactKind.NamingPattern => "same naming pattern",
    };

    public static bool TryParse(string? text, out PivotFactKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = PivotFactKind.RegistrantEmail;
        return false;
    }
}
