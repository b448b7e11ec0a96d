using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Compiles one detection item (<c>field|modifiers: values</c>) into an evaluator node, applying
/// the modifiers in the order written (spec: "Value Modifiers"). Any combination it cannot honour
/// exactly is a <see cref="SigmaException"/> at the item's position, never a silent non-match.
/// </summary>
internal sealed class SigmaValueCompiler(SigmaCompileOptions options, FieldSlots slots)
{
    /// <summary>Stands for '*' in a parsed Sigma string; a noncharacter, so never literal rule text.</summary>
    private const char Star = '\uFFFE';
    private const char One = GlobMatcher.AnyChar;

    private static readonly HashSet<string> TimeParts = ["minute", "hour", "day", "week", "month", "year"];
    private static readonly HashSet<string> Comparisons = ["lt", "lte", "gt", "gte"];

    public SigmaNode Compile(SigmaDetectionItem item, SigmaLogSource ruleSource)
    {
        var mods = item.Modifiers;
        var has = new HashSet<string>(mods, StringComparer.Ordinal);
        if (has.Count != mods.Count)
        {
            throw Error(item, "a modifier is repeated");
        }

        var all = has.Contains("all");
        if (all && item.Values.Count < 2)
        {
            throw Error(item, "'all' on a single value is not allowed (spec: Generic Modifiers); write a separate selection");
        }

        var cased = has.Contains("cased");
        int? slot = item.Field is null ? null : slots.SlotFor(ruleSource, item.Field);

        if (has.Contains("exists"))
        {
            if (mods.Count != 1 || item.Values.Count != 1 || item.Values[0].Kind != SigmaValueKind.Logical || slot is null)
            {
                throw Error(item, "'exists' stands alone on a field with the value true or false");
            }

            return new ExistsNode(slot.Value, string.Equals(item.Values[0].Text, "true", StringComparison.OrdinalIgnoreCase));
        }

        if (item.Values.Any(v => v.Kind == SigmaValueKind.Null))
        {
            if (mods.Count != 0 || slot is null)
            {
                throw Error(item, "null takes no modifiers and needs a field");
            }

            return new NullNode(slot.Value);
        }

        if (has.Contains("fieldref"))
        {
            return CompileFieldRef(item, ruleSource, has, slot, all, cased);
        }

        var negate = has.Contains("neq");
        if (negate && (slot is null || all))
        {
            throw Error(item, "'neq' needs a field and cannot be combined with 'all'");
        }

        // Keywords search the whole event (spec: Keywords search): a keyword is found inside a value.
        var effective = slot is null && !has.Overlaps(["contains", "startswith", "endswith", "re", "base64", "base64offset"]) ? [.. mods, "contains"] : mods;
        var matchers = item.Values.Select(v => CompileValue(item, v, effective, cased, collapse: all)).ToList();
        ValueMatcher[] final = all ? [.. matchers] : Collapse(matchers, cased);
        if (slot is null)
        {
            if (negate || has.Overlaps(Comparisons) || has.Overlaps(TimeParts) || has.Contains("cidr"))
            {
                throw Error(item, "keywords (values without a field) take only string modifiers");
            }

            return new KeywordNode(final, all);
        }

        var match = new FieldMatchNode(slot.Value, final, all);
        return negate ? new NotEqualNode(slot.Value, match) : match;
    }

    private FieldRefNode CompileFieldRef(SigmaDetectionItem item, SigmaLogSource ruleSource, HashSet<string> has, int? slot, bool all, bool cased)
    {
        var allowed = new HashSet<string> { "fieldref", "neq", "cased", "contains", "startswith", "endswith", "all" };
        if (slot is null || !has.IsSubsetOf(allowed) || item.Values.Count != 1)
        {
            throw Error(item, "'fieldref' takes one field name on a field, with at most neq, cased and one of contains/startswith/endswith");
        }

        var mode = has.Contains("contains") ? FieldRefMode.Contains
            : has.Contains("startswith") ? FieldRefMode.StartsWith
            : has.Contains("endswith") ? FieldRefMode.EndsWith
            : FieldRefMode.Equals;
        _ = all;
        return new FieldRefNode(slot.Value, slots.SlotFor(ruleSource, item.Values[0].Text), mode, cased, has.Contains("neq"));
    }

    /// <summary>OR over values: many exact needles become one hash lookup, many contains one multi-string search.</summary>
    private static ValueMatcher[] Collapse(List<ValueMatcher> matchers, bool cased)
    {
        var flat = matchers.SelectMany(m => m is AnyMatcher any ? any.Matchers : [m]).ToList();
        var exact = flat.OfType<ExactNeedle>().ToList();
        var contains = flat.OfType<ContainsNeedle>().ToList();
        var rest = flat.Where(m => m is not ExactNeedle and not ContainsNeedle).ToList();
        if (exact.Count > 2)
        {
            rest.Add(new AnyExactMatcher(exact.Select(e => e.Needle), cased));
        }
        else
        {
            rest.AddRange(exact.Select(e => new ExactMatcher(e.Needle, e.Comparison)));
        }

        if (contains.Count > 1)
        {
            rest.Add(new AnyContainsMatcher(contains.Select(e => e.Needle), cased));
        }
        else
        {
            rest.AddRange(contains.Select(e => new ContainsMatcher(e.Needle, e.Comparison)));
        }

        return [.. rest];
    }

    private ValueMatcher CompileValue(SigmaDetectionItem item, SigmaValue value, IReadOnlyList<string> mods, bool cased, bool collapse)
    {
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var has = new HashSet<string>(mods, StringComparer.Ordinal);
        if (has.Contains("re"))
        {
            var allowed = new HashSet<string> { "re", "i", "m", "s", "all", "cased", "neq" };
            if (!has.IsSubsetOf(allowed))
            {
                throw Error(item, "'re' combines only with its flags i, m, s (and all)");
            }

            var flags = (has.Contains("i") ? RegexOptions.IgnoreCase : 0) | (has.Contains("m") ? RegexOptions.Multiline : 0) | (has.Contains("s") ? RegexOptions.Singleline : 0);
            try
            {
                return new RegexMatcher(RegexMatcher.Compile(value.Text, flags, options.RegexTimeout));
            }
            catch (ArgumentException ex)
            {
                throw new SigmaException(value.Line, value.Column, $"invalid regular expression: {ex.Message}");
            }
        }

        if (has.Contains("i") || has.Contains("m") || has.Contains("s"))
        {
            throw Error(item, "the flags i, m and s belong to 're'");
        }

        if (has.Contains("cidr"))
        {
            if (mods.Any(m => m is not ("cidr" or "all" or "neq")))
            {
                throw Error(item, "'cidr' combines with nothing but all/neq");
            }

            return new CidrMatcher([ParseNetwork(value)]);
        }

        var timePart = mods.FirstOrDefault(TimeParts.Contains);
        var comparisonModifier = mods.FirstOrDefault(Comparisons.Contains);
        if (timePart is not null || comparisonModifier is not null)
        {
            if (mods.Any(m => !TimeParts.Contains(m) && !Comparisons.Contains(m) && m != "neq"))
            {
                throw Error(item, "numeric and time modifiers combine only with each other");
            }

            if (value.Kind != SigmaValueKind.Number || !double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new SigmaException(value.Line, value.Column, $"'{value.Text}' is not a number (numeric modifiers need one)");
            }

            var op = comparisonModifier switch
            {
                "lt" => SigmaComparisonOperator.Lt,
                "lte" => SigmaComparisonOperator.Lte,
                "gt" => SigmaComparisonOperator.Gt,
                "gte" => SigmaComparisonOperator.Gte,
                _ => SigmaComparisonOperator.Eq,
            };
            return timePart is null ? new NumericMatcher(op, number) : new TimePartMatcher(timePart, op, number);
        }

        // String pipeline: placeholders, escapes, then each transformation in the order written.
        var raws = has.Contains("expand") ? ExpandPlaceholders(value) : [value.Text];
        var variants = raws.Select(r => new Variant(ParseSigmaString(r), null)).ToList();
        foreach (var modifier in mods)
        {
            variants = modifier switch
            {
                "windash" => [.. variants.SelectMany(v => Windash(v, value))],
                "base64" => [.. variants.Select(v => new Variant(Convert.ToBase64String(BytesOf(v, value, modifier)), null))],
                "base64offset" => [.. variants.SelectMany(v => Base64Offsets(BytesOf(v, value, modifier)))],
                "utf16le" or "wide" => [.. variants.Select(v => new Variant(null, Encoding.Unicode.GetBytes(LiteralOf(v, value, modifier))))],
                "utf16be" => [.. variants.Select(v => new Variant(null, Encoding.BigEndianUnicode.GetBytes(LiteralOf(v, value, modifier))))],
                "utf16" => [.. variants.Select(v => new Variant(null, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(LiteralOf(v, value, modifier))]))],
                "contains" => [.. variants.Select(v => new Variant(Wrap(TextOf(v), start: true, end: true), null))],
                "startswith" => [.. variants.Select(v => new Variant(Wrap(TextOf(v), start: false, end: true), null))],
                "endswith" => [.. variants.Select(v => new Variant(Wrap(TextOf(v), start: true, end: false), null))],
                _ => variants,
            };
            if (variants.Count > options.MaxValueVariants)
            {
                throw new SigmaException(value.Line, value.Column, $"the value expands to more than {options.MaxValueVariants} variants");
            }
        }

        var matchers = variants.Select(v => PatternMatcher(TextOf(v), comparison)).ToArray();
        return matchers.Length == 0 ? NeverMatcher.Instance : matchers.Length == 1 ? matchers[0] : new AnyMatcher(collapse ? Collapse([.. matchers], comparison == StringComparison.Ordinal) : matchers);
    }

    private readonly record struct Variant(string? Pattern, byte[]? Bytes);

    private static string TextOf(Variant v) => v.Pattern ?? Encoding.Latin1.GetString(v.Bytes!);

    private static string LiteralOf(Variant v, SigmaValue value, string modifier)
    {
        var text = TextOf(v);
        return text.Contains(Star, StringComparison.Ordinal) || text.Contains(One, StringComparison.Ordinal)
            ? throw new SigmaException(value.Line, value.Column, $"'{modifier}' cannot encode a value with wildcards")
            : text;
    }

    private static byte[] BytesOf(Variant v, SigmaValue value, string modifier) => v.Bytes ?? Encoding.UTF8.GetBytes(LiteralOf(v, value, modifier));

    private static string Wrap(string pattern, bool start, bool end) =>
        (start && !pattern.StartsWith(Star) ? Star.ToString() : "") + pattern + (end && !pattern.EndsWith(Star) ? Star.ToString() : "");

    /// <summary>base64offset (as pySigma): the value's encoding at byte offsets 0, 1 and 2, trimmed to the stable middle.</summary>
    private static IEnumerable<Variant> Base64Offsets(byte[] bytes)
    {
        int[] startOffsets = [0, 2, 3];
        int?[] endOffsets = [null, -3, -2];
        for (var i = 0; i < 3; i++)
        {
            var encoded = Convert.ToBase64String([.. Enumerable.Repeat((byte)' ', i), .. bytes]);
            var end = endOffsets[(bytes.Length + i) % 3];
            var stop = end is null ? encoded.Length : encoded.Length + end.Value;
            var start = startOffsets[i];
            yield return new Variant(stop > start ? encoded[start..stop] : "", null);
        }
    }

    /// <summary>windash (as pySigma): each '-' or '/' that starts a word (after a non-word character) may be any of - / – — ―.</summary>
    private IEnumerable<Variant> Windash(Variant variant, SigmaValue value)
    {
        var text = TextOf(variant);
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '-' or '/' && (i == 0 || !IsWord(text[i - 1])) && i + 1 < text.Length && IsWord(text[i + 1]))
            {
                positions.Add(i);
            }
        }

        if (Math.Pow(5, positions.Count) > options.MaxValueVariants)
        {
            throw new SigmaException(value.Line, value.Column, $"windash: the value has {positions.Count} dashes, more than {options.MaxValueVariants} variants");
        }

        char[] dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];
        var count = (int)Math.Pow(5, positions.Count);
        for (var n = 0; n < count; n++)
        {
            var chars = text.ToCharArray();
            var k = n;
            foreach (var p in positions)
            {
                chars[p] = dashes[k % 5];
                k /= 5;
            }

            yield return new Variant(new string(chars), null);
        }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Sigma escapes (spec: "Escape Character"): <c>\*</c>, <c>\?</c> and <c>\\</c> are literal; any other backslash is itself.</summary>
    internal static string ParseSigmaString(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '*' or '?' or '\\')
            {
                builder.Append(text[++i]);
            }
            else
            {
                builder.Append(c switch { '*' => Star, '?' => One, _ => c });
            }
        }

        return builder.ToString();
    }

    private static ValueMatcher PatternMatcher(string pattern, StringComparison comparison)
    {
        var hasOne = pattern.Contains(One, StringComparison.Ordinal);
        var inner = pattern.Trim(Star);
        var leading = pattern.Length > 0 && pattern[0] == Star;
        var trailing = pattern.Length > 0 && pattern[^1] == Star;
        if (!hasOne && !inner.Contains(Star, StringComparison.Ordinal))
        {
            return (leading, trailing) switch
            {
                (false, false) => new ExactNeedle(inner, comparison),
                (true, true) => new ContainsNeedle(inner, comparison),
                (true, false) => new SuffixMatcher(inner, comparison),
                (false, true) => new PrefixMatcher(inner, comparison),
            };
        }

        var segments = pattern.Split(Star, StringSplitOptions.RemoveEmptyEntries);
        return new GlobMatcher(segments, !leading, !trailing, comparison == StringComparison.Ordinal);
    }

    private List<string> ExpandPlaceholders(SigmaValue value)
    {
        // Split on unescaped %name%; '\%' is a literal percent sign (spec: Placeholders).
        var results = new List<string> { "" };
        var text = value.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '%')
            {
                results = [.. results.Select(r => r + "%")];
                i += 2;
                continue;
            }

            if (text[i] == '%')
            {
                var end = text.IndexOf('%', i + 1);
                if (end < 0)
                {
                    throw new SigmaException(value.Line, value.Column, "expand: unterminated %placeholder%");
                }

                var name = text[(i + 1)..end];
                if (!options.Placeholders.TryGetValue(name, out var replacements))
                {
                    throw new SigmaException(value.Line, value.Column, $"expand: placeholder %{name}% has no configured values (rules with placeholders need them; see SigmaCompileOptions.Placeholders)");
                }

                results = [.. results.SelectMany(r => replacements.Select(p => r + p))];
                if (results.Count > options.MaxValueVariants)
                {
                    throw new SigmaException(value.Line, value.Column, $"expand: more than {options.MaxValueVariants} variants");
                }

                i = end + 1;
                continue;
            }

            results = [.. results.Select(r => r + text[i])];
            i++;
        }

        return results;
    }

    private static IPNetwork ParseNetwork(SigmaValue value)
    {
        var text = value.Text;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            throw new SigmaException(value.Line, value.Column, $"cidr: '{text}' is not an address/prefix");
        }

        var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            throw new SigmaException(value.Line, value.Column, $"cidr: '{text}' has an invalid prefix length");
        }

        // Clear host bits ("10.1.2.3/8" means 10.0.0.0/8), which IPNetwork itself refuses.
        var bytes = address.GetAddressBytes();
        for (var b = 0; b < bytes.Length; b++)
        {
            var keep = Math.Clamp(prefix - (b * 8), 0, 8);
            bytes[b] &= (byte)(0xFF << (8 - keep));
        }

        return new IPNetwork(new IPAddress(bytes), prefix);
    }

    private static SigmaException Error(SigmaDetectionItem item, string reason) =>
        new(item.Line, item.Column, $"{item.Field ?? "keywords"}{string.Concat(item.Modifiers.Select(m => "|" + m))}: {reason}");
}
