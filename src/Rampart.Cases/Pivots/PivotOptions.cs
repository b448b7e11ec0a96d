namespace Rampart.Cases.Pivots;

/// <summary>What pivoting ignores because it links unrelated domains, as named, documented limits.</summary>
public sealed record PivotOptions
{
    /// <summary>
    /// Name servers of large shared DNS providers (a registrable domain, or a label prefix such as
    /// <c>ns-</c>… for AWS's <c>awsdns-NN</c>): millions of unrelated domains share them.
    /// </summary>
    public IReadOnlyList<string> SharedNameServerDomains { get; init; } =
    [
        "registrar-servers.com", "domaincontrol.com", "cloudflare.com", "googledomains.com", "google.com", "azure-dns.com",
        "azure-dns.net", "azure-dns.org", "azure-dns.info", "nsone.net", "dnsmadeeasy.com", "ultradns.com", "ultradns.net",
        "dynect.net", "name-services.com", "hostgator.com", "bluehost.com", "dreamhost.com", "namecheaphosting.com",
        "parkingcrew.net", "sedoparking.com", "bodis.com", "above.com", "dns.com", "hichina.com", "dnspod.net",
        "ovh.net", "anycast.me", "gandi.net", "worldnic.com", "register.com", "wixdns.net", "squarespacedns.com",
        "afternic.com", "one.com", "ionos.com", "ui-dns.com", "ui-dns.de", "ui-dns.org", "ui-dns.biz", "he.net",
        "digitalocean.com", "linode.com", "vultr.com", "hetzner.com", "porkbun.com", "dynadot.com", "namebrightdns.com",
        "yandex.net", "reg.ru", "nic.ru", "beget.com", "timeweb.ru", "freenom.com", "000webhost.com",
    ];

    /// <summary>Name-server label prefixes of shared providers whose domains vary (<c>ns-123.awsdns-45.com</c>).</summary>
    public IReadOnlyList<string> SharedNameServerLabelPrefixes { get; init; } = ["awsdns-"];

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
