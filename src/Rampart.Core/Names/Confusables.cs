using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Rampart.Core.Names;

/// <summary>
/// UTS #39 confusable mappings (<c>confusables.txt</c>, shipped in <c>data/names/</c>) and the
/// skeleton built from them: two strings with the same skeleton look alike to a reader.
/// </summary>
public sealed class Confusables
{
    private static readonly Lazy<Confusables> Shipped = new(() =>
    {
        using var reader = ShippedData.Open("Rampart.Core.Names.confusables.txt");
        return Load(reader);
    });

    private readonly FrozenDictionary<int, string> _map;

    private Confusables(FrozenDictionary<int, string> map) => _map = map;

    public static Confusables Default => Shipped.Value;

    public int Count => _map.Count;

    /// <summary>Reads the published format: <c>source ; target ; type # comment</c>, code points in hex.</summary>
    public static Confusables Load(TextReader reader)
    {
        var map = new Dictionary<int, string>();
        Span<Range> fields = stackalloc Range[4];
        while (reader.ReadLine() is { } line)
        {
            var text = line.AsSpan();
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                text = text[..hash];
            }

            if (text.Split(fields, ';') < 3
                || !int.TryParse(text[fields[0]].Trim().TrimStart('\uFEFF'), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var source)
                || !TryParsePoints(text[fields[1]], out var target))
            {
                continue;
            }

            map[source] = target;
        }

        return new Confusables(map.ToFrozenDictionary());
    }

    /// <summary>The prototype this code point is confusable with, or null when it stands for itself.</summary>
    public string? Prototype(int codePoint) => _map.GetValueOrDefault(codePoint);

    /// <summary>UTS #39 skeleton: NFD, each code point replaced by its prototype, NFD again.</summary>
    public string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (_map.TryGetValue(rune.Value, out var prototype))
            {
                builder.Append(prototype);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormD);
    }

    private static bool TryParsePoints(ReadOnlySpan<char> field, out string text)
    {
        var builder = new StringBuilder();
        foreach (var range in field.Trim().Split(' '))
        {
            var part = field.Trim()[range];
            if (part.IsEmpty)
            {
                continue;
            }

            if (!int.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var point) || !Rune.IsValid(point))
            {
                text = string.Empty;
                return false;
            }

            builder.Append(new Rune(point).ToString());
        }

        text = builder.ToString();
        return text.Length > 0;
    }
}
