namespace Rampart.Core.Names;

/// <summary>The writing systems that matter for look-alike names (UTS #24 Script, coarsely).</summary>
[Flags]
public enum Script
{
    None = 0,

    /// <summary>Digits, hyphen, punctuation: shared by every script, never "mixed".</summary>
    Common = 1,
    Latin = 1 << 1,
    Greek = 1 << 2,
    Cyrillic = 1 << 3,
    Armenian = 1 << 4,
    Hebrew = 1 << 5,
    Arabic = 1 << 6,
    Georgian = 1 << 7,
    Thai = 1 << 8,
    Hangul = 1 << 9,
    Hiragana = 1 << 10,
    Katakana = 1 << 11,
    Han = 1 << 12,
    Cherokee = 1 << 13,

    /// <summary>Any other script; counts as its own when mixing.</summary>
    Other = 1 << 14,
}
