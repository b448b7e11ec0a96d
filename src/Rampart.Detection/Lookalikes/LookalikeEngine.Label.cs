using System.Numerics;

namespace Rampart.Detection.Lookalikes;

public sealed partial class LookalikeEngine
{
    /// <summary>The registrable label: same skeleton, a few edits, hyphenation, brand tokens, brand inside a word.</summary>
    private void CheckLabel(LabelView view, string suffix, List<LookalikeFinding> findings)
    {
        var (skeleton, map) = GlyphSkeleton.Fold(view.Pre);
        var matched = new HashSet<BrandName>();
        var mask = LetterMask.Of(skeleton);
        var scripts = view.IsUnicode ? Core.Names.Scripts.Used(view.Display) : Core.Names.Script.Latin;
        var loose = GlyphSkeleton.Loose(view.Pre);
        if (Core.Names.Scripts.IsMixed(scripts))
        {
            var names = string.Join(" and ", Enum.GetValues<Core.Names.Script>().Where(s => s > Core.Names.Script.Common && scripts.HasFlag(s)));
            findings.Add(new LookalikeFinding(LookalikeTechnique.MixedScript, 45,
                $"`{view.Display}.{suffix}`: the label mixes {names} letters, which no real name does", null, null, view.Offset, view.Offset + view.Display.Length - 1));
        }

        foreach (var term in _terms)
        {
            // A brand's second, single-fold term (icloud) adds nothing once the first has matched.
            if (matched.Contains(term.Name))
            {
                continue;
            }

            if (skeleton == term.Skeleton)
            {
                matched.Add(term.Name);
                if (view.Pre == term.Name.Label && !view.IsUnicode)
                {
                    if (!term.OnlyWithWords)
                    {
                        findings.Add(new LookalikeFinding(LookalikeTechnique.TldSwap, 60,
                            $"`{view.Display}.{suffix}`: '{term.Name.Label}' under .{suffix} — lookalike of {term.Describe()}",
                            term.Brand.Name, term.Name.Domain, view.Offset, view.Offset + view.Display.Length - 1));
                    }

                    continue;
                }

                var imitations = Imitations(view, map, term, out var start, out var end);
                var technique = view.IsUnicode ? LookalikeTechnique.Homoglyph : LookalikeTechnique.GlyphTrick;
                findings.Add(new LookalikeFinding(technique, (term.OnlyWithWords ? 60 : 75) + (view.IsUnicode ? 5 : 0),
                    $"`{view.Display}.{suffix}`: {imitations} — lookalike of {term.Describe()}", term.Brand.Name, term.Name.Domain, start, end));
                continue;
            }

            if (skeleton.Contains('-', StringComparison.Ordinal) && skeleton.Replace("-", "", StringComparison.Ordinal) == term.Skeleton)
            {
                matched.Add(term.Name);
                findings.Add(new LookalikeFinding(LookalikeTechnique.Hyphenation, 60,
                    $"`{view.Display}.{suffix}`: a hyphen splits '{term.Name.Label}' — lookalike of {term.Describe()}", term.Brand.Name, term.Name.Domain,
                    view.Offset, view.Offset + view.Display.Length - 1));
                continue;
            }

            if (term.TypoInLabel && term.MayBeNear(skeleton, mask) && !_wordSkeletons.Contains(skeleton))
            {
                var distance = EditDistance.Bounded(skeleton, term.Skeleton, term.MaxEdits);
                if (distance <= term.MaxEdits && term.CountsAsTypo(view.Pre, skeleton, distance))
                {
                    matched.Add(term.Name);
                    var edit = DescribeEdit(view, skeleton, map, term, distance, out var start, out var end);
                    findings.Add(new LookalikeFinding(view.IsUnicode ? LookalikeTechnique.Homoglyph : LookalikeTechnique.Typo, distance == 1 ? 60 : 50,
                        $"`{view.Display}.{suffix}`: {edit} — lookalike of {term.Describe()}", term.Brand.Name, term.Name.Domain, start, end));
                }
            }

            // Look-alike letters the skeleton keeps apart (dâunn or daunn for daum, lkakao for kakao): the loose skeleton.
            if (term.TypoInLabel && !matched.Contains(term.Name) && loose == term.Loose)
            {
                matched.Add(term.Name);
                findings.Add(new LookalikeFinding(view.IsUnicode ? LookalikeTechnique.Homoglyph : LookalikeTechnique.GlyphTrick, term.OnlyWithWords ? 60 : 70,
                    $"`{view.Display}.{suffix}`: written with letters that pass for those of '{term.Name.Label}' — lookalike of {term.Describe()}",
                    term.Brand.Name, term.Name.Domain, view.Offset, view.Offset + view.Display.Length - 1));
            }
        }

        CheckTokens(view, skeleton, map, suffix, matched, findings, subdomainOf: null);
    }

    /// <summary>
    /// Brand tokens among the hyphen-separated words of a label, or a brand glued to credential
    /// words (<c>outlookverify</c>): a combosquat in the registrable label, brand-as-subdomain in a subdomain label.
    /// </summary>
    private void CheckTokens(LabelView view, string skeleton, int[] map, string suffix, HashSet<BrandName> matched, List<LookalikeFinding> findings, string? subdomainOf, bool wordsNearby = false)
    {
        var tokens = Tokens(skeleton);
        var brandTokens = new List<(BrandTerm Term, int Token, string How, int Glue)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            var (from, to) = tokens[t];
            if (BestTerm(skeleton[from..to], matched, allowTypos: subdomainOf is null) is { } best)
            {
                brandTokens.Add((best.Term, t, best.How, best.Glue));
            }
        }

        if (brandTokens.Count == 0)
        {
            return;
        }

        var brandTokenIndexes = brandTokens.Select(b => b.Token).ToHashSet();
        var otherTokens = Enumerable.Range(0, tokens.Count).Where(t => !brandTokenIndexes.Contains(t)).ToArray();
        var strongTokens = otherTokens.Where(t => WordKind(skeleton.AsSpan(tokens[t].From, tokens[t].To - tokens[t].From)) == 2)
            .Select(t => view.Pre[map[tokens[t].From]..map[tokens[t].To]]).ToArray();
        var accountWords = otherTokens.Any(t => _accountSkeletons.Contains(skeleton.AsSpan(tokens[t].From, tokens[t].To - tokens[t].From)));
        foreach (var (term, index, how, glue) in brandTokens)
        {
            // Strong: credential words next to it or glued to it, or a second brand name (onedrv-live).
            var strong = strongTokens.Length > 0 || glue == 2 || brandTokenIndexes.Count > 1 || wordsNearby;
            var combined = strong || otherTokens.Length > 0 || glue == 1;
            if (!combined && subdomainOf is null)
            {
                continue;
            }

            if (term.OnlyWithWords && !accountWords && !wordsNearby && brandTokenIndexes.Count == 1 && glue != 2)
            {
                continue;
            }

            var (from, to) = tokens[index];
            var start = view.Offset + view.PreMap[map[from]];
            var end = view.Offset + view.PreMap[map[to]] - 1;
            var shown = view.Display[view.PreMap[map[from]]..view.PreMap[map[to]]];
            var words = strongTokens.Length > 0 ? $" with {string.Join(", ", strongTokens.Select(w => $"'{w}'"))}" : "";
            // A misspelt brand next to other words is no accident (my-sharepoints, office356-us).
            var misspelt = how.Contains("edit", StringComparison.Ordinal);
            var score = subdomainOf is null
                ? (strong ? 70 : misspelt ? 60 : 45) - (term.OnlyWithWords ? 10 : 0)
                : strong ? 65 - (term.OnlyWithWords ? 10 : 0) : 35;
            findings.Add(subdomainOf is null
                ? new LookalikeFinding(LookalikeTechnique.Combosquat, score,
                    $"`{view.Display}.{suffix}`: '{shown}' at {Span(start, end)} {how}{words} — combosquat of {term.Describe()}", term.Brand.Name, term.Name.Domain, start, end)
                : new LookalikeFinding(LookalikeTechnique.BrandAsSubdomain, score,
                    $"'{shown}' at {Span(start, end)} {how}{words} in a subdomain of {subdomainOf} — the brand's name on someone else's domain, imitating {term.Describe()}",
                    term.Brand.Name, term.Name.Domain, start, end));
            matched.Add(term.Name);
        }
    }

    /// <summary>The one brand a token stands for, best match first: the name itself, a few edits, glued to words, contained.</summary>
    private (BrandTerm Term, string How, int Glue)? BestTerm(string token, HashSet<BrandName> matched, bool allowTypos)
    {
        (BrandTerm Term, string How, int Rank, int Glue)? best = null;
        var tokenMask = LetterMask.Of(token);
        foreach (var term in _terms)
        {
            if (matched.Contains(term.Name))
            {
                continue;
            }

            (string How, int Rank, int Glue)? found = null;
            if (token == term.Skeleton)
            {
                found = ($"is '{term.Name.Label}'", 0, 0);
            }
            else if (allowTypos && !term.OnlyWithWords && term.Skeleton.Length >= 5 && token.Length >= 5 && term.MayBeNear(token, tokenMask)
                && !_wordSkeletons.Contains(token)
                && EditDistance.Bounded(token, term.Skeleton, term.MaxEdits) is var d && d <= term.MaxEdits && term.CountsAsTypo(token, token, d))
            {
                found = ($"is {d} edit{(d == 1 ? "" : "s")} from '{term.Name.Label}'", d, 0);
            }
            else if (term.Skeleton.Length >= 4 && token.Length > term.Skeleton.Length && token.IndexOf(term.Skeleton, StringComparison.Ordinal) is var at && at >= 0)
            {
                var before = token.AsSpan(0, at);
                var after = token.AsSpan(at + term.Skeleton.Length);
                var kindBefore = before.IsEmpty ? 0 : WordKind(before);
                var kindAfter = after.IsEmpty ? 0 : WordKind(after);
                if (before.IsEmpty && after.SequenceEqual(term.DomainWithoutDot.AsSpan(term.Skeleton.Length)))
                {
                    // dnstwist's "various": the brand's domain written without its dot (livecom.com).
                    found = ($"is '{term.Name.Domain}' without its dot", 3, 2);
                }
                else if ((before.IsEmpty || kindBefore > 0) && (after.IsEmpty || kindAfter > 0))
                {
                    found = ($"is '{term.Name.Label}' glued to other words", 3, Math.Max(kindBefore, kindAfter));
                }
            }

            if (found is { } f && (best is null || f.Rank < best.Value.Rank))
            {
                best = (term, f.How, f.Rank, f.Glue);
            }
        }

        return best is { } b ? (b.Term, b.How, b.Glue) : null;
    }

    /// <summary>Brand names and brand domains in the subdomain: <c>login.microsoft.com.evil.net</c>, <c>micro.soft.com</c>.</summary>
    private void CheckSubdomain(List<LabelView> labels, int registrableIndex, string host, List<LookalikeFinding> findings)
    {
        if (registrableIndex == 0)
        {
            return;
        }

        var registrable = labels[registrableIndex];
        var owner = string.Join('.', labels.Skip(registrableIndex).Select(l => l.Display));
        var sub = "." + string.Join('.', labels.Take(registrableIndex).Select(l => l.Ascii)) + ".";
        var matched = new HashSet<BrandName>();
        foreach (var term in _terms.Where(t => !t.IsKeyword))
        {
            // Its domain as a label, or glued to words by a hyphen (microsoft.com-portal.evil.info).
            var at = sub.IndexOf("." + term.Name.Domain + ".", StringComparison.Ordinal) is var whole and >= 0
                ? whole
                : sub.IndexOf("." + term.Name.Domain + "-", StringComparison.Ordinal);
            if (at >= 0 && !matched.Contains(term.Name))
            {
                matched.Add(term.Name);
                findings.Add(new LookalikeFinding(LookalikeTechnique.BrandAsSubdomain, 75,
                    $"'{term.Name.Domain}' at {Span(at, at + term.Name.Domain.Length - 1)} is a subdomain of {owner} — the brand's domain on someone else's, imitating {term.Describe()}",
                    term.Brand.Name, term.Name.Domain, at, at + term.Name.Domain.Length - 1));
            }
        }

        // Account wording anywhere in the subdomain counts (microsoft.com-reset.evil.info), but not
        // a keyword that is wording too: owa.university.edu is Outlook Web Access, not a lure.
        var wordsNearby = labels.Take(registrableIndex).SelectMany(l => l.Ascii.Split('-'))
            .Select(t => GlyphSkeleton.Fold(t).Skeleton).Any(t => _accountSkeletons.Contains(t) && !_termSkeletons.Contains(t));
        for (var i = 0; i < registrableIndex; i++)
        {
            var (skeleton, map) = GlyphSkeleton.Fold(labels[i].Pre);
            CheckTokens(labels[i], skeleton, map, "", matched, findings, owner, wordsNearby);
        }

        // dnstwist's "subdomain" permutation: a dot inside the name (micro.soft.com).
        var last = labels[registrableIndex - 1];
        if (last.IsUnicode || registrable.IsUnicode)
        {
            return;
        }

        var joined = GlyphSkeleton.Fold(last.Ascii + registrable.Ascii).Skeleton.Replace("-", "", StringComparison.Ordinal);
        foreach (var term in _typoTerms)
        {
            if (!matched.Contains(term.Name) && joined == term.Skeleton && findings.All(f => f.Imitates != term.Name.Domain))
            {
                findings.Add(new LookalikeFinding(LookalikeTechnique.Typo, 55,
                    $"`{host}`: a dot splits '{term.Name.Label}' at {Span(last.Offset, registrable.Offset + registrable.Display.Length - 1)} — lookalike of {term.Describe()}",
                    term.Brand.Name, term.Name.Domain, last.Offset, registrable.Offset + registrable.Display.Length - 1));
            }
        }
    }

    /// <summary>Glyph tricks on ordinary lure words: <c>dovvn-mail</c> reads as "down-mail".</summary>
    private void CheckDisguisedWords(LabelView view, List<LookalikeFinding> findings)
    {
        if (view.IsUnicode || findings.Count > 0 || !HasStrongFold(view.Ascii))
        {
            return;
        }

        var (skeleton, map) = GlyphSkeleton.Fold(view.Ascii);
        foreach (var (from, to) in Tokens(skeleton))
        {
            var token = skeleton[from..to];
            var literal = view.Ascii[map[from]..map[to]];
            if (_disguised.Contains(token) && HasStrongFold(literal))
            {
                var folded = Folds(literal, map.AsSpan(from, to - from + 1), view.Offset);
                var word = LureWords.Disguised.First(w => GlyphSkeleton.Fold(w).Skeleton == token);
                if (word == literal)
                {
                    continue;
                }

                findings.Add(new LookalikeFinding(LookalikeTechnique.GlyphTrick, 45,
                    $"`{view.Display}`: {folded} — '{literal}' reads as '{word}'", null, word, view.Offset + map[from], view.Offset + map[to] - 1));
            }
        }
    }

    /// <summary>2 for credential words (or two glued together), 1 for filler or digits, 0 for anything else.</summary>
    private int WordKind(ReadOnlySpan<char> skeleton)
    {
        if (_strongSkeletons.Contains(skeleton))
        {
            return 2;
        }

        if (!skeleton.ContainsAnyExceptInRange('0', '9') || _wordSkeletons.Contains(skeleton))
        {
            return 1;
        }

        var kind = 0;
        for (var i = 2; i < skeleton.Length - 1; i++)
        {
            if (_wordSkeletons.Contains(skeleton[..i]) && _wordSkeletons.Contains(skeleton[i..]))
            {
                kind = Math.Max(kind, _strongSkeletons.Contains(skeleton[..i]) || _strongSkeletons.Contains(skeleton[i..]) ? 2 : 1);
            }
        }

        return kind;
    }

    private static List<(int From, int To)> Tokens(string skeleton)
    {
        var tokens = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= skeleton.Length; i++)
        {
            if (i == skeleton.Length || skeleton[i] == '-')
            {
                if (i > start)
                {
                    tokens.Add((start, i));
                }

                start = i + 1;
            }
        }

        return tokens;
    }

    /// <summary>"'rn' at 3–4 imitates 'm', 'l' at 6 imitates 'i'": where the candidate and the brand differ under one skeleton.</summary>
    private static string Imitations(LabelView view, int[] map, BrandTerm term, out int start, out int end)
    {
        var parts = new List<string>();
        start = -1;
        end = -1;
        for (var j = 0; j + 1 < map.Length && j + 1 < term.Map.Length; j++)
        {
            var from = view.PreMap[map[j]];
            var to = view.PreMap[map[j + 1]];
            var shown = view.Display[from..to];
            var original = term.Name.Label[term.Map[j]..term.Map[j + 1]];
            if (shown == original)
            {
                continue;
            }

            var a = view.Offset + from;
            var b = view.Offset + to - 1;
            start = start < 0 ? a : start;
            end = b;
            var code = shown.Any(c => c >= 0x80) ? $" (U+{char.ConvertToUtf32(shown, 0):X4})" : "";
            parts.Add($"'{shown}'{code} at {Span(a, b)} imitates '{original}'");
        }

        if (start < 0)
        {
            start = view.Offset;
            end = view.Offset + view.Display.Length - 1;
        }

        return parts.Count > 0 ? string.Join(", ", parts) : $"reads as '{term.Name.Label}'";
    }

    /// <summary>What one or two edits did: omission, insertion, repetition, transposition, bit flip, vowel swap.</summary>
    private static string DescribeEdit(LabelView view, string skeleton, int[] map, BrandTerm term, int distance, out int start, out int end)
    {
        start = view.Offset;
        end = view.Offset + view.Display.Length - 1;
        var brand = term.Skeleton;
        if (distance != 1)
        {
            return $"'{view.Display}' is {distance} edits from '{term.Name.Label}'";
        }

        var i = 0;
        while (i < skeleton.Length && i < brand.Length && skeleton[i] == brand[i])
        {
            i++;
        }

        int At(int j) => view.Offset + view.PreMap[map[Math.Min(j, map.Length - 1)]];
        string Shown(int j) => view.Display[view.PreMap[map[j]]..view.PreMap[map[j + 1]]];
        string Original(int j) => term.Name.Label[term.Map[j]..term.Map[j + 1]];

        if (skeleton.Length == brand.Length)
        {
            if (i + 1 < skeleton.Length && skeleton[i] == brand[i + 1] && skeleton[i + 1] == brand[i])
            {
                start = At(i);
                end = At(i + 2) - 1;
                return $"'{Shown(i)}{Shown(i + 1)}' at {Span(start, end)} swaps '{Original(i)}{Original(i + 1)}' (transposition)";
            }

            var shown = Shown(i);
            var original = Original(i);
            var kind = shown.Length == 1 && original.Length == 1 && BitOperations.PopCount((uint)(shown[0] ^ original[0])) == 1 ? "bit flip"
                : IsVowel(shown) && IsVowel(original) ? "vowel swap" : "replacement";
            start = At(i);
            end = At(i + 1) - 1;
            return $"'{shown}' at {Span(start, end)} replaces '{original}' ({kind})";
        }

        if (skeleton.Length > brand.Length)
        {
            var added = Shown(i);
            var kind = i > 0 && skeleton[i - 1] == skeleton[i] ? "repetition" : "insertion";
            start = At(i);
            end = At(i + 1) - 1;
            return $"'{added}' at {Span(start, end)} is added ({kind})";
        }

        start = At(i);
        end = start;
        return $"'{Original(i)}' is missing at {start} (omission)";
    }

    private static string Folds(string literal, ReadOnlySpan<int> map, int offset)
    {
        var parts = new List<string>();
        var (skeleton, own) = GlyphSkeleton.Fold(literal);
        for (var j = 0; j < skeleton.Length; j++)
        {
            var piece = literal[own[j]..own[j + 1]];
            if (piece is "rn" or "vv" or "cl" or "0" or "1")
            {
                parts.Add($"'{piece}' at {Span(offset + map[0] + own[j], offset + map[0] + own[j + 1] - 1)} imitates '{(piece == "1" ? "l" : skeleton[j].ToString())}'");
            }
        }

        return string.Join(", ", parts);
    }

    private static bool IsVowel(string s) => s.Length == 1 && "aeiouy".Contains(s[0], StringComparison.Ordinal);

    private static string Span(int start, int end) => start == end ? $"{start}" : $"{start}–{end}";
}
