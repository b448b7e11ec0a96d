namespace Rampart.Detection.Verdicts;

/// <summary>The answer to "is this dangerous?". Rampart never says "safe": it says what it knows.</summary>
public enum Disposition
{
    /// <summary>Nothing known against the value.</summary>
    Unknown,
    /// <summary>Some signal, not enough to block.</summary>
    Suspicious,
    /// <summary>Matches a live indicator.</summary>
    Malicious,
    /// <summary>The input is not a value Rampart can check (the reason says why).</summary>
    Invalid,
}
