namespace Rampart.Core.Names;

/// <summary>Why a punycode label was refused; <see cref="None"/> when it was not.</summary>
public enum PunycodeError
{
    None,

    /// <summary>Nothing follows the <c>xn--</c> prefix.</summary>
    Empty,

    /// <summary>A character that is not a base-36 digit (a–z, 0–9) in the encoded part.</summary>
    InvalidDigit,

    /// <summary>A character other than a–z, 0–9 and hyphen in the basic part (IDNA labels are LDH).</summary>
    InvalidBasicCharacter,

    /// <summary>The encoded part ends in the middle of a variable-length integer.</summary>
    Truncated,

    /// <summary>A delta or code point that overflows; a crafted label, never a real one.</summary>
    Overflow,

    /// <summary>The decoded value is a surrogate or beyond U+10FFFF.</summary>
    InvalidCodePoint,

    /// <summary>The result does not fit the output (labels are at most 63 characters).</summary>
    TooLong,

    /// <summary>Decodes to plain ASCII: IDNA never encodes such a label, so this one was made by hand.</summary>
    NotInternational,

    /// <summary>Encoding the decoded label again gives different text: a non-canonical encoding.</summary>
    NotCanonical,
}
