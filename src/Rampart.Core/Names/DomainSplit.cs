namespace Rampart.Core.Names;

/// <summary>
/// Where a host's parts start, as indices into the host text: the public suffix (<c>co.uk</c>), the
/// registrable domain (<c>evil.co.uk</c>, -1 when the host is itself a public suffix) and so the
/// subdomain before it. No strings: hot paths slice the host they already hold.
/// </summary>
public readonly record struct DomainSplit(int SuffixStart, int RegistrableStart, bool SuffixIsPrivate, bool SuffixIsListed)
{
    public bool HasRegistrable => RegistrableStart >= 0;

    /// <summary>The registrable domain's own label (<c>evil</c> in <c>a.evil.co.uk</c>); empty without one.</summary>
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> host) =>
        HasRegistrable ? host[RegistrableStart..(SuffixStart - 1)] : default;

    public ReadOnlySpan<char> Registrable(ReadOnlySpan<char> host) => HasRegistrable ? host[RegistrableStart..] : default;

    public ReadOnlySpan<char> Suffix(ReadOnlySpan<char> host) => host[SuffixStart..];

    /// <summary>Everything before the registrable domain, without the joining dot (<c>a</c> in <c>a.evil.co.uk</c>).</summary>
    public ReadOnlySpan<char> Subdomain(ReadOnlySpan<char> host) =>
        RegistrableStart > 0 ? host[..(RegistrableStart - 1)] : default;
}
