using System.Globalization;
using System.Text;
using Rampart.Core.Allowlists;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

public sealed partial class LookalikeEngine
{
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private LookalikeResult? ScreenCore(ReadOnlySpan<char> input, string? inputText, bool explainAll, out LookalikeLevel level)
    {
        input = input.Trim();
        Span<char> buffer = stackalloc char[DomainNames.MaxNameLength];
        level = LookalikeLevel.Clean;
        // The hot path folds the name as written and asks the prefilter first: most names end here,
        // before the suffix split. Explaining skips it, so the two paths check each other (the tests
        // compare them).
        var length = 0;
        var prescreened = explainAll ? Prescreened.NotPlain : Prescreen(input, buffer, out length);
        if (prescreened == Prescreened.Clean)
        {
            return null;
        }

        if (prescreened == Prescreened.NotPlain)
        {
            if (!DomainNames.TryToAscii(input, buffer, out length, out var problem))
            {
                level = LookalikeLevel.Invalid;
                var at = Math.Max(problem.Position, 0);
                return new LookalikeResult(inputText ?? Printable(input), null, null, LookalikeLevel.Invalid, 0,
                    [new LookalikeFinding(LookalikeTechnique.Invalid, 0, $"not a host name: {problem.Describe()}", null, null, at, at)]);
            }

            // Decoded or mapped to ASCII: the prefilter folds that form (punycode goes on to the full check).
            if (!explainAll && Prescreen(buffer[..length], buffer, out _) == Prescreened.Clean)
            {
                return null;
            }
        }

        var host = buffer[..length];
        var split = _suffixes.Split(host);
        if (!split.HasRegistrable || IsAddress(host))
        {
            return explainAll ? Clean(inputText ?? input.ToString(), host.ToString(), "a public suffix or an address, not a registrable name") : null;
        }

        if (!explainAll && _registry.TryMatch(host, out var entry) && entry.Category.IsAllowlist())
        {
            level = LookalikeLevel.Allowlisted;
            return null;
        }

        var result = Explain(inputText ?? input.ToString(), host.ToString(), split);
        level = result.Level;
        return explainAll || result.IsFlagged ? result : null;
    }

    private LookalikeResult Explain(string input, string host, DomainSplit split)
    {
        var findings = new List<LookalikeFinding>();
        var suffixStart = split.SuffixStart;
        RegistryEntry? signal = null;
        var display = host.Contains(Punycode.Prefix, StringComparison.Ordinal) ? DomainNames.ToUnicode(host) : host;
        if (_registry.TryMatch(host, out var entry))
        {
            if (entry.Category.IsAllowlist())
            {
                var owner = entry.Owner.Length > 0 ? $" ({entry.Owner})" : "";
                return new LookalikeResult(input, host, display, LookalikeLevel.Allowlisted, 0,
                    [new LookalikeFinding(LookalikeTechnique.Allowlisted, 0, $"`{display}`: under {entry.Domain}, a {entry.Category.Describe()}{owner}", null, null, 0, display.Length - 1)]);
            }

            var at = host.Length - entry.Domain.Length;
            if (at == 0)
            {
                return Clean(input, host, $"the {entry.Category.Describe()} provider's own name");
            }

            signal = entry;
            suffixStart = Math.Min(suffixStart, at);
        }

        var labels = Views(host, display);
        var registrableIndex = host.AsSpan(0, suffixStart - 1).Count('.');
        var registrable = labels[registrableIndex];
        var suffix = host[suffixStart..];
        CheckLabel(registrable, suffix, findings);
        CheckSubdomain(labels, registrableIndex, host, findings);
        CheckDisguisedWords(registrable, findings);
        var brandFindings = findings.Count;

        var credential = CredentialWords(registrable.Ascii);
        if (credential.Count > 0)
        {
            var allWords = credential.Count == registrable.Ascii.Split('-').Length;
            var score = brandFindings > 0 ? 10 : allWords && credential.Count >= 2 ? Math.Min(45, 20 + (10 * credential.Count)) : 0;
            if (score > 0)
            {
                findings.Add(new LookalikeFinding(LookalikeTechnique.CredentialWording, score,
                    $"`{display}`: credential-phishing wording {string.Join(", ", credential.Select(w => $"'{w}'"))}", null, null,
                    registrable.Offset, registrable.Offset + registrable.Display.Length - 1));
            }
        }

        if (findings.Count > 0)
        {
            AddSignals(display, host, signal, registrable, findings);
        }

        return Result(input, host, display, findings, brandFindings);
    }

    private static LookalikeResult Result(string input, string host, string display, List<LookalikeFinding> findings, int brandFindings)
    {
        if (findings.Count == 0)
        {
            return Clean(input, host, "imitates no protected brand");
        }

        var brandScores = findings.Take(brandFindings).Select(f => f.Score).OrderDescending().ToArray();
        var score = brandScores.Length > 0
            ? brandScores[0] + (5 * Math.Min(2, brandScores.Length - 1)) + findings.Skip(brandFindings).Sum(f => f.Score)
            : findings.Max(f => f.Score) + findings.Where(f => f.Technique != LookalikeTechnique.CredentialWording).Sum(f => f.Score);
        score = Math.Clamp(score, 0, 100);
        var ordered = findings.OrderByDescending(f => f.Score).ToArray();
        return new LookalikeResult(input, host, display, LookalikeResult.LevelFor(score), score, ordered);
    }

    private void AddSignals(string display, string host, RegistryEntry? signal, LabelView registrable, List<LookalikeFinding> findings)
    {
        if (signal is { Category: DomainCategory.UserContentHosting or DomainCategory.DynamicDns })
        {
            var technique = signal.Category == DomainCategory.DynamicDns ? LookalikeTechnique.DynamicDns : LookalikeTechnique.UserContentHosting;
            var start = display.Length - signal.Domain.Length;
            findings.Add(new LookalikeFinding(technique, technique == LookalikeTechnique.DynamicDns ? 20 : 15,
                $"`{display}`: on {signal.Category.Describe()} ({signal.Owner}) at {signal.Domain}: anyone picks the name there", null, null, Math.Max(0, start), display.Length - 1));
        }

        var tld = host.AsSpan(host.LastIndexOf('.') + 1);
        if (_suspiciousTlds.Contains(tld))
        {
            findings.Add(new LookalikeFinding(LookalikeTechnique.SuspiciousTld, 10, $"`{display}`: .{tld.ToString()} is a top-level domain phishers favour", null, null,
                display.Length - tld.Length, display.Length - 1));
        }
    }

    private static LookalikeResult Clean(string input, string host, string why) =>
        new(input, host, host, LookalikeLevel.Clean, 0, []) { Summary = why };

    private List<string> CredentialWords(string label) =>
        label.Split('-').Where(t => _credential.Contains(t)).Distinct(StringComparer.Ordinal).ToList();

    private List<LabelView> Views(string host, string display)
    {
        var views = new List<LabelView>();
        var asciiLabels = host.Split('.');
        var displayLabels = display.Split('.');
        var offset = 0;
        for (var i = 0; i < asciiLabels.Length; i++)
        {
            var shown = i < displayLabels.Length && displayLabels.Length == asciiLabels.Length ? displayLabels[i] : asciiLabels[i];
            views.Add(shown == asciiLabels[i] ? LabelView.Plain(asciiLabels[i], offset) : Unicode(asciiLabels[i], shown, offset));
            offset += shown.Length + 1;
        }

        return views;
    }

    /// <summary>An IDN label's ASCII approximation: confusables to their prototype, accents dropped.</summary>
    private LabelView Unicode(string ascii, string shown, int offset)
    {
        var pre = new StringBuilder();
        var map = new List<int>();
        var index = 0;
        foreach (var rune in shown.EnumerateRunes())
        {
            var replacement = rune.Value < 0x80 ? rune.ToString() : AsciiFor(rune);
            foreach (var c in replacement)
            {
                pre.Append(c);
                map.Add(index);
            }

            index += rune.Utf16SequenceLength;
        }

        map.Add(shown.Length);
        return new LabelView(ascii, shown, offset, pre.ToString(), map.ToArray(), IsUnicode: true);
    }

    private string AsciiFor(Rune rune)
    {
        if (_confusables.Prototype(rune.Value) is { } prototype)
        {
            var lower = prototype.ToLowerInvariant();
            if (Ascii.IsValid(lower) && lower.All(char.IsAsciiLetterOrDigit))
            {
                return lower;
            }
        }

        if (LatinBaseLetters.TryGet(rune.Value, out var letter))
        {
            return letter.ToString();
        }

        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var first = decomposed.Length > 0 ? char.ToLowerInvariant(decomposed[0]) : '\0';
        if (char.IsAsciiLetterOrDigit(first))
        {
            return first.ToString();
        }

        // Whole-script lookalikes (какао for kakao, ԍмаіӏ for gmail): a letter whose prototype is a
        // Latin small capital or hooked letter reads as that letter's base (т → ᴛ → t, ԍ → ɢ → g);
        // one whose capital is confusable with a Latin capital reads as it in lower case (к: К → K,
        // м: М → M, ь: Ь → b). UTS #39 itself leaves these lower-case forms apart.
        if (_confusables.Prototype(rune.Value) is { Length: 1 } small && LatinBaseLetters.TryGet(small[0], out var smallBase))
        {
            return smallBase.ToString();
        }

        var upper = Rune.ToUpperInvariant(rune);
        if (upper != rune && _confusables.Prototype(upper.Value) is { Length: 1 } capital && char.IsAsciiLetter(capital[0]))
        {
            return char.ToLowerInvariant(capital[0]).ToString();
        }

        return _confusables.Prototype(first) is { } second && second.ToLowerInvariant() is var s && s.All(char.IsAsciiLetterLower) ? s : "?";
    }

    private static bool IsAddress(ReadOnlySpan<char> host)
    {
        foreach (var c in host)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasStrongFold(ReadOnlySpan<char> text) =>
        text.Contains("rn", StringComparison.Ordinal) || text.Contains("vv", StringComparison.Ordinal)
        || text.Contains("cl", StringComparison.Ordinal) || text.ContainsAny('0', '1');

    private static string Printable(ReadOnlySpan<char> input)
    {
        var text = input.Length > 120 ? input[..120] : input;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture));
        }

        return input.Length > 120 ? builder.Append('…').ToString() : builder.ToString();
    }
}
