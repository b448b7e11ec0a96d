namespace Rampart.Taxii.Objects;

/// <summary>
/// <c>match[version]</c> (§3.4.1 "Supported Fields for Match": version): <c>last</c> (the default), <c>first</c>, <c>all</c>, or
/// timestamps naming versions; several values are OR'ed. <c>last</c> and <c>first</c> are the newest and
/// oldest version among those the collection serves to this user.
/// </summary>
public sealed record TaxiiVersionFilter(bool All, bool First, bool Last, IReadOnlyList<DateTimeOffset> Versions)
{
    public static TaxiiVersionFilter Default { get; } = new(false, false, true, []);

    public static TaxiiVersionFilter Every { get; } = new(true, false, false, []);

    /// <summary>A canonical text form, stored with a paging cursor.</summary>
    public override string ToString() =>
        All ? "all" : string.Join(',', new[] { First ? "first" : null, Last ? "last" : null }.OfType<string>().Concat(Versions.Select(TaxiiTimestamp.Format)));
}
