namespace Rampart.Detection.Lookalikes;

/// <summary>How a name imitates a brand, or what else about it is a lure signal.</summary>
public enum LookalikeTechnique
{
    /// <summary>Unicode look-alike characters (UTS #39 confusables), e.g. Cyrillic а for a.</summary>
    Homoglyph,

    /// <summary>A label mixing scripts a real name would not mix (Latin with Cyrillic).</summary>
    MixedScript,

    /// <summary>ASCII glyph tricks: rn for m, vv for w, cl for d, 0 for o, 1 or l for i.</summary>
    GlyphTrick,

    /// <summary>One or two edits: omitted, repeated, added, swapped or replaced letters, bit flips.</summary>
    Typo,

    /// <summary>A hyphen inside the brand name (<c>micro-soft</c>).</summary>
    Hyphenation,

    /// <summary>The brand's name under another top-level domain (<c>microsoft.xyz</c>).</summary>
    TldSwap,

    /// <summary>The brand's name plus other words (<c>outlook-verify-login</c>).</summary>
    Combosquat,

    /// <summary>The brand's name in the subdomain of someone else's domain (<c>login.microsoft.com.evil.net</c>).</summary>
    BrandAsSubdomain,

    /// <summary>Password-phishing words (<c>change-pw</c>, <c>verify-account</c>).</summary>
    CredentialWording,

    /// <summary>A top-level domain that is cheap and favoured by phishers.</summary>
    SuspiciousTld,

    /// <summary>Hosting where anyone picks the subdomain.</summary>
    UserContentHosting,

    /// <summary>A free dynamic-DNS name.</summary>
    DynamicDns,

    /// <summary>The name is a brand's own, a CDN edge name or a popular site.</summary>
    Allowlisted,

    /// <summary>The input is not a host name; the reason says why.</summary>
    Invalid,
}
