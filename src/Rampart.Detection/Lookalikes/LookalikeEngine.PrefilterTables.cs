using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The prefilter's tables (<see cref="Prefilter"/>): built once from the brands when the engine is
/// made; <c>LookalikeEngine.Prefilter.cs</c> holds the checks that read them for every name.
/// </summary>
public sealed partial class LookalikeEngine
{
    /// <summary>A brand term compiled for the typo loop: flat fields, no indirection.</summary>
    private readonly record struct TypoTarget(string Skeleton, int Length, int MaxEdits, ulong Mask);

    /// <summary>What <see cref="MayImitate"/> searches for, built once from the brands.</summary>
    private sealed class Prefilter
    {
        public Prefilter(BrandTerm[] terms)
        {
            static string Stripped(string s) => s.Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            static SearchValues<string> Search(IEnumerable<string> words) =>
                SearchValues.Create(words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray(), StringComparison.Ordinal);
            static TypoTarget Target(BrandTerm t) => new(t.Skeleton, t.Skeleton.Length, t.MaxEdits, t.Mask);

            var distinctive = terms.Where(t => !t.OnlyWithWords).ToArray();
            // A name's domain can differ from its label (a user's brand): its skeleton counts too.
            var distinctiveWords = distinctive.Select(t => Stripped(t.Skeleton))
                .Concat(distinctive.Select(t => Stripped(GlyphSkeleton.Fold(t.Name.Domain).Skeleton))).ToArray();
            Distinctive = Search(distinctiveWords);
            GenericList = terms.Where(t => t.OnlyWithWords).Select(t => Stripped(t.Skeleton)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            Generic = Search(GenericList);
            GenericSkeletons = GenericList.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            GenericDomains = terms.Where(t => t.OnlyWithWords && !t.IsKeyword).Select(t => t.Name.Domain).Distinct(StringComparer.Ordinal).ToArray();
            GluedDomains = Search(terms.Where(t => t.OnlyWithWords).Select(t => Stripped(t.DomainWithoutDot)));
            Words = Search(LureWords.Credential.Concat(LureWords.Account).Select(w => Stripped(GlyphSkeleton.Fold(w).Skeleton))
                .Except(terms.Select(t => Stripped(t.Skeleton)), StringComparer.Ordinal));
            var disguised = LureWords.Disguised.Select(w => GlyphSkeleton.Fold(w).Skeleton).ToArray();
            Disguised = Search(disguised);
            // One bitset for the fold to test: a hit sends the name to the searches for all three.
            Grams = new ulong[(HostFolder.GramCount + 63) / 64];
            foreach (var word in distinctiveWords.Concat(GenericList).Concat(disguised).Where(w => w.Length >= 3))
            {
                var code = HostFolder.Gram(word[0], word[1], word[2]);
                Grams[code >> 6] |= 1UL << code;
            }

            // A user's brand of fewer than three letters without hyphens escapes the bitset: search always.
            ShortWords = distinctiveWords.Concat(GenericList).Any(w => w.Length < 3);
            ShortDisguised = disguised.Any(w => w.Length < 3);
            TypoSkeletons = terms.Where(t => t.TypoInLabel).Select(t => t.Skeleton).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var labelTypos = terms.Where(t => t.TypoInLabel).Select(Target).Distinct().ToArray();
            var byLength = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => labelTypos.Where(t => Math.Abs(length - t.Length) <= t.MaxEdits).ToArray()).ToArray();
            // One edit: names of five letters or more by their edge pairs, shorter ones by their first and last letters.
            TypoTarget[][] Keyed(Func<TypoTarget, char> letter) =>
                byLength.SelectMany(targets => Enumerable.Range(0, LetterMask.Size)
                    .Select(index => targets.Where(t => t.MaxEdits == 1 && t.Length < EdgeLength && LetterMask.IndexOf(letter(t)) == index).ToArray())).ToArray();
            TyposByFirst = Keyed(t => t.Skeleton[0]);
            TyposByLast = Keyed(t => t.Skeleton[^1]);
            EdgeTypos = byLength.Select(targets => targets.Where(t => t.MaxEdits == 1 && t.Length >= EdgeLength).ToArray()).ToArray();
            Edges = new ulong[EdgeBits / 64];
            for (var length = 0; length < EdgeTypos.Length; length++)
            {
                foreach (var t in EdgeTypos[length])
                {
                    var k = t.Skeleton;
                    Set(EdgeKey(length, (LetterMask.IndexOf(k[0]) * LetterMask.Size) + LetterMask.IndexOf(k[1]), 0));
                    Set(EdgeKey(length, (LetterMask.IndexOf(k[^2]) * LetterMask.Size) + LetterMask.IndexOf(k[^1]), 1));
                }
            }

            WideTypos = byLength.Select(targets => targets.Where(t => t.MaxEdits > 1).ToArray()).ToArray();
            ulong[] Letters(TypoTarget[][] keyed) => Enumerable.Range(0, byLength.Length)
                .Select(length => Enumerable.Range(0, LetterMask.Size).Aggregate(0UL, (bits, index) => keyed[(length * LetterMask.Size) + index].Length > 0 ? bits | (1UL << index) : bits))
                .ToArray();
            FirstLetters = Letters(TyposByFirst);
            LastLetters = Letters(TyposByLast);
            var looseTerms = terms.Where(t => t.TypoInLabel).ToArray();
            LooseSkeletons = looseTerms.Select(t => t.Loose).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var becomes = LooseLettersByCharacter();
            var looseTargets = looseTerms.Select(t =>
            {
                var letters = LetterMask.Of(t.Loose);
                var allowed = 0UL;
                for (var k = 0; k < LetterMask.Size; k++)
                {
                    allowed |= (becomes[k] & letters) != 0 ? 1UL << k : 0;
                }

                return (t.Loose.Length, Allowed: allowed);
            }).ToArray();
            // A loose skeleton character stands for one or two characters of the label.
            LooseByLength = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => looseTargets.Where(t => length >= t.Length && length <= 2 * t.Length).Select(t => t.Allowed).Distinct().ToArray()).ToArray();
            LooseUnion = LooseByLength.Select(masks => masks.Aggregate(0UL, (union, mask) => union | mask)).ToArray();
            // The label gate's edge keys: one edit of a name of four letters or more leaves its first two
            // letters, its last two, or (a swap in the middle of four) its first and last; a name of three
            // may lose all three pairs (abc → bac) and keeps its first or last letter.
            GateEdges = new ulong[EdgeBits / 64];
            ulong[] ShortLetters(Func<TypoTarget, char> letter) => byLength
                .Select(targets => targets.Where(t => t.MaxEdits == 1 && t.Length < 4).Aggregate(0UL, (bits, t) => bits | (1UL << LetterMask.IndexOf(letter(t)))))
                .ToArray();
            var shortFirst = ShortLetters(t => t.Skeleton[0]);
            var shortLast = ShortLetters(t => t.Skeleton[^1]);
            for (var length = 0; length < byLength.Length; length++)
            {
                foreach (var t in byLength[length].Where(t => t.MaxEdits == 1 && t.Length >= 4))
                {
                    var k = t.Skeleton.Select(c => LetterMask.IndexOf(c)).ToArray();
                    SetGate(EdgeKey(length, (k[0] * LetterMask.Size) + k[1], 0));
                    SetGate(EdgeKey(length, (k[^2] * LetterMask.Size) + k[^1], 1));
                    SetGate(EdgeKey(length, (k[0] * LetterMask.Size) + k[^1], 2));
                }
            }

            // The quick fold's character sets: the letters of up to five names of two edits, and what
            // loose skeletons come from for labels of 2–5 letters, 6–9, and any length.
            var looseShort = LooseUnion.Take(6).Aggregate(0UL, (union, mask) => union | mask);
            var looseMiddle = LooseUnion.Skip(6).Take(4).Aggregate(0UL, (union, mask) => union | mask);
            var looseAll = LooseUnion.Aggregate(0UL, (union, mask) => union | mask);
            var wideMasks = WideTypos.SelectMany(targets => targets.Select(t => t.Mask)).Distinct().Take(QuickSets.Count - 3).ToArray();
            Sets = new QuickSets(c =>
            {
                var bit = LetterMask.Bit(c);
                var bits = ((bit & looseAll) != 0 ? 1 << QuickSets.Loose : 0) | ((bit & looseShort) != 0 ? 1 << LooseShortSet : 0)
                    | ((bit & looseMiddle) != 0 ? 1 << LooseMiddleSet : 0);
                for (var k = 0; k < wideMasks.Length; k++)
                {
                    bits |= (LetterMask.Bit(GlyphSkeleton.Single(c)) & wideMasks[k]) != 0 ? 1 << (k + 1) : 0;
                }

                return (byte)bits;
            });
            // A name of two edits beyond the sets has no set: its slot needs nothing, so its lengths always pass.
            (int Set, int Need) Wide(TypoTarget t) => Array.IndexOf(wideMasks, t.Mask) is var k and >= 0
                ? (k + 1, BitOperations.PopCount(t.Mask) - t.MaxEdits)
                : (QuickSets.Loose, 0);
            Gates = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => new LabelGate(shortFirst[length], shortLast[length], LooseUnion[length] != 0,
                    length <= 5 ? LooseShortSet : length <= 9 ? LooseMiddleSet : QuickSets.Loose, WideTypos[length].Select(Wide).ToArray()))
                .ToArray();
            TokenTypos = terms.Where(t => !t.OnlyWithWords && t.Skeleton.Length >= 5).Select(Target).Distinct().ToArray();
        }

        public SearchValues<string> Distinctive { get; }

        /// <summary>The first three letters of every distinctive, generic and disguised-word skeleton, as a bitset of <see cref="HostFolder.Gram"/> codes.</summary>
        public ulong[] Grams { get; }

        public bool ShortWords { get; }

        public bool ShortDisguised { get; }

        public string[] GenericList { get; }

        public SearchValues<string> Generic { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericSkeletons { get; }

        public string[] GenericDomains { get; }

        public SearchValues<string> GluedDomains { get; }

        public SearchValues<string> Words { get; }

        public SearchValues<string> Disguised { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypoSkeletons { get; }

        /// <summary>
        /// Brand terms of one edit shorter than <see cref="EdgeLength"/> whose budget reaches a label length, by length and first letter
        /// (<c>length * LetterMask.Size + LetterMask.IndexOf(first)</c>).
        /// </summary>
        public TypoTarget[][] TyposByFirst { get; }

        /// <summary>The same by length and last letter.</summary>
        public TypoTarget[][] TyposByLast { get; }

        /// <summary>By label length, the first letters (<see cref="LetterMask"/> bits) that have entries in <see cref="TyposByFirst"/>.</summary>
        public ulong[] FirstLetters { get; }

        /// <summary>By label length, the last letters that have entries in <see cref="TyposByLast"/>.</summary>
        public ulong[] LastLetters { get; }

        /// <summary>Brand terms of two edits whose budget reaches a label length, by length.</summary>
        public TypoTarget[][] WideTypos { get; }

        public TypoTarget[] TokenTypos { get; }

        /// <summary>Names of five letters or more whose one-edit typos are found by their edge pairs.</summary>
        public const int EdgeLength = 5;

        /// <summary>Bits of the hashed edge-pair set: 8,192 (1 KB) for a few hundred pairs.</summary>
        private const int EdgeBits = 8192;

        /// <summary>One-edit names of five letters or more whose budget reaches a label length, by length.</summary>
        public TypoTarget[][] EdgeTypos { get; }

        /// <summary>(label length, first or last letter pair, which end) of every <see cref="EdgeTypos"/> entry, hashed: a Bloom filter of one hash.</summary>
        private ulong[] Edges { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasEdge(int length, int pair, int end)
        {
            var key = EdgeKey(length, pair, end);
            return ((Edges[key >> 6] >> key) & 1) != 0;
        }

        private static int EdgeKey(int length, int pair, int end) =>
            (int)((uint)((((length * LetterMask.Size * LetterMask.Size) + pair) * 2) + end) * 0x9E3779B1u >> (32 - 13));

        private void Set(int key) => Edges[key >> 6] |= 1UL << key;

        /// <summary>
        /// Keys (label length, first pair, 0), (length, last pair, 1) and (length, first and last letter, 2)
        /// of every one-edit name of four letters or more whose budget reaches the length, hashed as <see cref="Edges"/>.
        /// </summary>
        private ulong[] GateEdges { get; }

        private void SetGate(int key) => GateEdges[key >> 6] |= 1UL << key;

        /// <summary>
        /// Whether a label might be one edit from a name of four letters or more: it has such a name's
        /// first pair, last pair, or first and last letters (indexes as <see cref="LetterMask.IndexOf"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayBeOneEditFrom(int length, int first, int second, int secondLast, int last)
        {
            var a = EdgeKey(length, (first * LetterMask.Size) + second, 0);
            var b = EdgeKey(length, (secondLast * LetterMask.Size) + last, 1);
            var c = EdgeKey(length, (first * LetterMask.Size) + last, 2);
            // Keys are 13-bit hashes: every word index is below EdgeBits / 64, the array's length.
            ref var edges = ref MemoryMarshal.GetArrayDataReference(GateEdges);
            return (((Unsafe.Add(ref edges, a >> 6) >> a) | (Unsafe.Add(ref edges, b >> 6) >> b) | (Unsafe.Add(ref edges, c >> 6) >> c)) & 1) != 0;
        }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LooseSkeletons { get; }

        /// <summary>
        /// For each label length, per brand term whose loose skeleton can be that long, the characters
        /// (as <see cref="LetterMask"/> bits) that can fold into one of its loose letters: a label with
        /// any other character cannot have that loose skeleton.
        /// </summary>
        public ulong[][] LooseByLength { get; }

        /// <summary>Per label length, every character <see cref="LooseByLength"/> allows for any brand.</summary>
        public ulong[] LooseUnion { get; }

        /// <summary>Per label length (0 to 63), the branch-free first test of the label checks.</summary>
        public LabelGate[] Gates { get; }

        /// <summary>The character sets the quick fold locates for <see cref="Gates"/>.</summary>
        public QuickSets Sets { get; }

        /// <summary>What loose skeletons of labels of 2 to 5 characters come from (<see cref="Sets"/>).</summary>
        private const int LooseShortSet = QuickSets.Count - 2;

        /// <summary>The same for labels of 6 to 9 characters.</summary>
        private const int LooseMiddleSet = QuickSets.Count - 1;

        /// <summary>
        /// For each character class of <see cref="LetterMask"/>, the loose letters it can become alone
        /// or as either half of a two-letter glyph: computed from <see cref="GlyphSkeleton.Loose(ReadOnlySpan{char})"/>
        /// itself, so the filter cannot drift from the fold.
        /// </summary>
        private static ulong[] LooseLettersByCharacter()
        {
            var becomes = new ulong[LetterMask.Size];
            Span<char> two = stackalloc char[2];
            Span<char> loose = stackalloc char[2];
            for (var a = (char)1; a < 128; a++)
            {
                two[0] = a;
                becomes[LetterMask.IndexOf(a)] |= LetterMask.Of(loose[..GlyphSkeleton.Loose(two[..1], loose)]);
                for (var b = (char)1; b < 128; b++)
                {
                    two[1] = b;
                    if (GlyphSkeleton.Loose(two, loose) == 1)
                    {
                        becomes[LetterMask.IndexOf(a)] |= LetterMask.Of(loose[..1]);
                        becomes[LetterMask.IndexOf(b)] |= LetterMask.Of(loose[..1]);
                    }
                }
            }

            return becomes;
        }
    }
}
