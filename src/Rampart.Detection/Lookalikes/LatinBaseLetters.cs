using System.Collections.Frozen;
using System.Globalization;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Latin letters that neither UTS #39 confusables nor decomposition bring to ASCII — letters with
/// a stroke, hook or descender, small capitals (ɫ, ħ, ƈ, ᴋ, ǥ) — and the ASCII letter each is named
/// for (<c>data/names/latin-base-letters.txt</c>, generated from Unicode names by
/// <c>scripts/latin-base-letters.py</c>). dnstwist's homoglyphs use them; a reader sees the base letter.
/// </summary>
internal static class LatinBaseLetters
{
    private static readonly Lazy<FrozenDictionary<int, char>> Table = new(Load);

    public static bool TryGet(int codePoint, out char letter) => Table.Value.TryGetValue(codePoint, out letter);

    private static FrozenDictionary<int, char> Load()
    {
        using var stream = typeof(LatinBaseLetters).Assembly.GetManifestResourceStream("Rampart.Detection.Lookalikes.latin-base-letters.txt")
            ?? throw new InvalidOperationException("the shipped latin-base-letters.txt is missing from the assembly");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 6 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ', 3);
            table[int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = fields[1][0];
        }

        return table.ToFrozenDictionary();
    }
}
