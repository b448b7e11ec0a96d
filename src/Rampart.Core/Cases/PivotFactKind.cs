namespace Rampart.Core.Cases;

/// <summary>The attributes domains are compared on when pivoting.</summary>
public enum PivotFactKind
{
    /// <summary>Registrant e-mail from a WHOIS record (lowercased).</summary>
    RegistrantEmail,

    /// <summary>Registrant name or organization from a WHOIS record (case and spaces folded).</summary>
    RegistrantName,

    /// <summary>A name server (WHOIS or passive DNS NS record), lowercase without the trailing dot.</summary>
    NameServer,

    /// <summary>An address the name resolved to (passive DNS A/AAAA), with the period it was seen.</summary>
    Address,

    /// <summary>A certificate the name appears in (its SHA-256 fingerprint or serial, or the line of names).</summary>
    Certificate,

    /// <summary>The lookalike engine's brand and technique (computed when pivoting, never imported).</summary>
    NamingPattern,
}
