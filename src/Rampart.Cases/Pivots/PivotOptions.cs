using Rampart.Core.Allowlists;

namespace Rampart.Cases.Pivots;

/// <summary>What pivoting ignores because it links unrelated domains, as named, documented limits.</summary>
public sealed record PivotOptions
{
    /// <summary>
    /// Name servers of large shared DNS providers, from the one allowlist registry
    /// (<c>data/allowlists/shared-dns-providers.txt</c>): millions of unrelated domains share them.
    /// </summary>
    public SharedDnsProviders SharedDnsProviders { get; init; } = AllowlistRegistry.Default.SharedDnsProviders;

    /// <summary>
    /// Registrant values that privacy services put in every record they mask; matched as a
    /// substring of the folded name or e-mail.
    /// </summary>
    public IReadOnlyList<string> PrivacyPlaceholders { get; init; } =
    [
        "redacted", "privacy", "whoisguard", "proxy", "withheld", "not disclosed", "data protected", "gdpr", "contactprivacy",
        "domainsbyproxy", "private registration", "identity protect", "perfect privacy", "protected", "statutory masking",
    ];

    /// <summary>
    /// A value (name server, address, registrant) shared by more distinct domains than this in the
    /// imported data is treated as shared infrastructure and gives no candidates: a sinkhole, a
    /// parking page, a provider not in the lists above.
    /// </summary>
    public int MaxDomainsPerValue { get; init; } = 50;

    /// <summary>Two passive-DNS periods of one address this far apart still count as "the same period".</summary>
    public TimeSpan AddressPeriodSlack { get; init; } = TimeSpan.FromDays(30);
}
