using System.Collections.Frozen;
using Rampart.Core.Allowlists;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Screens any candidate host name against protected brands by a reverse check: the name is
/// normalized, split at its public suffix, folded to a glyph skeleton and compared with each
/// brand's skeleton (equal, within a few edits, as a token, inside a label, in a subdomain). No
/// permutations are generated, so combosquats, brand-as-subdomain and Unicode homoglyphs are caught
/// as well as typos. Names that are near no brand are rejected on the stack by an exact prefilter
/// (<c>LookalikeEngine.Prefilter.cs</c>); only suspicious names allocate their explanation.
/// Thread-safe and immutable.
/// </summary>
public sealed partial class LookalikeEngine
{
    private readonly BrandTerm[] _terms;
    private readonly BrandTerm[] _typoTerms;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _credential;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _strongSkeletons;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordSkeletons;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _accountSkeletons;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _disguised;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _suspiciousTlds;
    private readonly FrozenSet<string> _termSkeletons;
    private readonly AllowlistRegistry _registry;
    private readonly PublicSuffixList _suffixes;
    private readonly Confusables _confusables;

    public LookalikeEngine(IEnumerable<Brand> brands, AllowlistRegistry registry, PublicSuffixList suffixes, Confusables confusables)
    {
        Brands = brands.ToArray();
        _registry = registry;
        _suffixes = suffixes;
        _confusables = confusables;
        _terms = Brands.SelectMany(b => b.Names.Select(n => new BrandTerm(b, n, isKeyword: false))
                .Concat(b.Keywords.Select(k => new BrandTerm(b, new BrandName(k, b.Names.Count > 0 ? b.Names[0].Domain : k, Generic: true), isKeyword: true))))
            .Where(t => t.Skeleton.Length >= 3)
            .ToArray();
        _terms = [.. _terms, .. _terms.Where(t => t.TypoInLabel)
            .Select(t => new BrandTerm(t.Brand, t.Name, t.IsKeyword, singleFolds: true))
            .Where(v => v.Skeleton != _terms.First(t => t.Name == v.Name && !t.IsKeyword).Skeleton)];
        _typoTerms = _terms.Where(t => t.TypoInLabel).ToArray();
        _prefilter = new Prefilter(_terms);
        _termSkeletons = _terms.Select(t => t.Skeleton).ToFrozenSet(StringComparer.Ordinal);
        var disguised = LureWords.Disguised.Select(w => GlyphSkeleton.Fold(w).Skeleton).ToFrozenSet(StringComparer.Ordinal);
        _disguised = disguised.GetAlternateLookup<ReadOnlySpan<char>>();
        _credential = LureWords.Credential.GetAlternateLookup<ReadOnlySpan<char>>();
        _strongSkeletons = LureWords.Credential.Select(w => GlyphSkeleton.Fold(w).Skeleton).ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _accountSkeletons = LureWords.Account.Select(w => GlyphSkeleton.Fold(w).Skeleton).ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _wordSkeletons = LureWords.Credential.Concat(LureWords.Filler).Select(w => GlyphSkeleton.Fold(w).Skeleton).ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _suspiciousTlds = LureWords.SuspiciousTlds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Brand> Brands { get; }

    /// <summary>The default brands with the shipped lists, plus <paramref name="extraBrands"/> (a user's own).</summary>
    public static LookalikeEngine CreateDefault(AllowlistOptions? options = null, IEnumerable<Brand>? extraBrands = null)
    {
        var extra = extraBrands?.ToArray() ?? [];
        var registry = AllowlistRegistry.Create(options ?? new AllowlistOptions(),
            extra.SelectMany(b => b.Domains.Select(d => new RegistryEntry(d, DomainCategory.BrandOwned, b.Name))));
        var brands = BrandCatalog.Defaults(registry).Concat(extra);
        return new LookalikeEngine(brands, registry, PublicSuffixList.Default, Confusables.Default);
    }

    public AllowlistRegistry Registry => _registry;

    /// <summary>Screens one name and always explains the outcome (clean names get a reason too).</summary>
    public LookalikeResult Screen(string input) =>
        ScreenCore(input, input, explainAll: true, out _)!;

    /// <summary>
    /// The hot path for hunting: returns the level, and a result only for suspicious, malicious or
    /// invalid names; clean and allowlisted names allocate nothing.
    /// </summary>
    public LookalikeLevel Screen(ReadOnlySpan<char> input, out LookalikeResult? result)
    {
        result = ScreenCore(input, null, explainAll: false, out var level);
        return level;
    }
}
