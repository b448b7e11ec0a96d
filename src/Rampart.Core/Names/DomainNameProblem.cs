namespace Rampart.Core.Names;

/// <summary>What is wrong with a name and where (0-based index in the input).</summary>
public readonly record struct DomainNameProblem(DomainNameError Error, int Position, PunycodeError Punycode = PunycodeError.None)
{
    public static readonly DomainNameProblem None = new(DomainNameError.None, -1);

    /// <summary>A sentence a person can act on, e.g. "label at 4: xn-- label decodes to plain ASCII".</summary>
    public string Describe() => Error switch
    {
        DomainNameError.None => "valid",
        DomainNameError.Empty => "empty name",
        DomainNameError.InputTooLong => $"longer than {DomainNames.MaxInputLength} characters",
        DomainNameError.ControlCharacter => $"control character at {Position}",
        DomainNameError.InvalidCharacter => $"character at {Position} cannot appear in a host name",
        DomainNameError.EmptyLabel => $"empty label at {Position}",
        DomainNameError.LabelTooLong => $"label at {Position} is longer than {DomainNames.MaxLabelLength} characters",
        DomainNameError.NameTooLong => $"name is longer than {DomainNames.MaxNameLength} characters",
        DomainNameError.InvalidPunycode => $"invalid punycode in label at {Position}: it {Names.Punycode.Describe(Punycode)}",
    };
}
