namespace Rampart.Core.Names;

/// <summary>Why a text is not a usable domain name; <see cref="None"/> when it is.</summary>
public enum DomainNameError
{
    None,
    Empty,

    /// <summary>Longer than <see cref="DomainNames.MaxInputLength"/> before mapping.</summary>
    InputTooLong,

    /// <summary>A control character (C0, DEL, C1) anywhere: binary data or a broken line.</summary>
    ControlCharacter,

    /// <summary>A character no host name may hold (space, slash, punctuation, a disallowed symbol).</summary>
    InvalidCharacter,

    /// <summary>Two dots in a row, or a leading dot.</summary>
    EmptyLabel,

    /// <summary>A label longer than 63 characters in its ASCII form.</summary>
    LabelTooLong,

    /// <summary>The ASCII form is longer than 253 characters.</summary>
    NameTooLong,

    /// <summary>An <c>xn--</c> label that is not valid punycode; the punycode error says why.</summary>
    InvalidPunycode,
}
