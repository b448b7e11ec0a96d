namespace Rampart.Detection.Verdicts;

/// <summary>The answer to "is this dangerous?". Rampart never says "safe": it says what it knows.</summary>
public enum Disposition
{
    /// <summary>Nothing known against the value.</summary>
    Clean,
    /// <summary>Some signal (a bare-IP URL, a shortener, a lookalike), not enough to block.</summary>
    Suspicious,
    /// <summary>Matches a live indicator.</summary>
    Malicious,
    /// <summary>On an allowlist that must never be blocked (a brand's own domain, a top site).</summary>
    Allowlisted,
    /// <summary>The input is not a value Rampart can check (the reason says why).</summary>
    Invalid,
}
