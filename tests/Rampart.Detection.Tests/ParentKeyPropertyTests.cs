using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Tests;

/// <summary>
/// <see cref="IndicatorKeys.ParentKey"/>, the vector pass every domain lookup starts with, against a
/// plain scalar reference; and the property that makes the parent filter sound: every suffix of two
/// or more labels has the name's own key, whatever the name's length and case.
/// </summary>
public sealed class ParentKeyPropertyTests
{
    // Short labels over a tiny alphabet meet often; long ones cross the 8- and 16-character loads.
    private static readonly Gen<string> Label = Gen.OneOf(Gen.String[Gen.Char["abX-"], 1, 3], Gen.String[Gen.Char["abcXYZ019-"], 1, 14]);
    private static readonly Gen<string> Name = Label.Array[1, 6].Select(labels => string.Join('.', labels));

    // Any character at all: controls (0x0E folds onto '.'), non-ASCII (narrowed to its low byte), surrogates.
    private static readonly Gen<string> Anything = Gen.String[Gen.OneOf(Gen.Char, Gen.Char[".aZ\u000e\u012e"]), 0, 20];

    [Fact]
    public void The_vector_key_equals_the_scalar_reference_on_any_text()
    {
        // Many samples: each length from 0 to 20 takes its own path through the loads.
        Gen.OneOf(Name, Anything).Sample(name => (IndicatorKeys.ParentKey(name, out var windowStart), IndicatorKeys.TwoLabels(name.Length, windowStart)) == Reference(name), iter: 20_000);
    }

    [Fact]
    public void Every_suffix_of_two_or_more_labels_has_the_names_key_in_any_case()
    {
        Gen.Select(Name, Gen.Bool).Sample((name, upper) =>
        {
            var key = IndicatorKeys.ParentKey(upper ? name.ToUpperInvariant() : name, out _);
            for (var start = 0; start < name.Length; start++)
            {
                var suffix = name[start..];
                if ((start == 0 || name[start - 1] == '.') && suffix.Contains('.') && IndicatorKeys.ParentKey(suffix, out _) != key)
                {
                    return false;
                }
            }

            return name.Contains('.') ? key != 0 : key == 0 || name.Length > 16;
        }, iter: 5_000);
    }

    [Fact]
    public void Lookups_of_long_mixed_case_names_find_exactly_the_indicators_equal_to_the_name_or_a_parent()
    {
        Gen.Select(Name.Array[1, 30], Name.Array[1, 30], Gen.Bool).Sample((indicators, queries, upper) =>
        {
            var set = indicators.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var builder = new IndicatorIndexBuilder();
            var attribution = new Attribution(IndicatorType.Domain, 50, "s", null, null);
            foreach (var domain in set)
            {
                builder.AddDomain(domain, attribution);
            }

            var index = builder.Build(1);
            var hits = new IndexHit[64];
            foreach (var query in queries.Concat(indicators.Select(i => "www." + i)).Select(q => upper ? q.ToUpperInvariant() : q))
            {
                var n = index.MatchDomain(query, hits);
                var found = hits[..n].Select(h => query[h.Start..]).Order(StringComparer.OrdinalIgnoreCase).ToArray();
                var expected = Suffixes(query).Where(set.Contains).Order(StringComparer.OrdinalIgnoreCase).ToArray();
                if (!found.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        });
    }

    /// <summary>
    /// The key as its definition says, one character at a time: the name folded (| 0x20) and cut to
    /// bytes, its last 16 bytes right-aligned in a zeroed window, everything up to the second-to-last
    /// dot of the window cleared; 0 for a name of 16 characters or fewer without a dot. With it,
    /// where the kept text starts in the name (-1 when it does not start inside the window).
    /// </summary>
    private static (ulong Key, int TwoLabels) Reference(string name)
    {
        var window = new byte[16];
        for (var i = Math.Max(0, name.Length - 16); i < name.Length; i++)
        {
            window[16 - name.Length + i] = (byte)(name[i] | 0x20);
        }

        var dots = Enumerable.Range(0, 16).Where(i => window[i] == '.').ToArray();
        if (dots.Length == 0 && name.Length <= 16)
        {
            return (0, 0);
        }

        var start = dots.Length >= 2 ? dots[^2] + 1 : 0;
        Array.Clear(window, 0, start);
        var low = BitConverter.ToUInt64(window, 0);
        var high = BitConverter.ToUInt64(window, 8);
        var twoLabels = start > 0 ? name.Length - 16 + start : name.Length <= 16 ? 0 : -1;
        return (IndicatorKeys.Finish(((low ^ 0x27D4EB2F165667C5UL) * 0xC2B2AE3D27D4EB4FUL) ^ high), twoLabels);
    }

    private static IEnumerable<string> Suffixes(string name)
    {
        var labels = name.Split('.');
        for (var i = 0; i <= labels.Length - 2; i++)
        {
            yield return string.Join('.', labels[i..]);
        }
    }
}
