namespace Rampart.Detection.Bench;

/// <summary>
/// Random candidate hosts for the lookalike screen: labels of 3 to 13 random letters and digits,
/// label depth as real queries have it (2 labels 15%, 3: 43%, 4: 19%, 5: 23%), common suffixes.
/// Nearly all are clean, as in a feed of newly registered domains.
/// </summary>
public static class RandomHosts
{
    private static readonly string[] Suffixes = ["com", "net", "org", "de", "co.uk", "io", "xyz", "info", "jp", "co.kr"];

    public static string[] Create(int count, int seed = 20261129)
    {
        var random = new Random(seed);
        string Label() => new(Enumerable.Range(0, random.Next(3, 14)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789"[random.Next(36)]).ToArray());
        return Enumerable.Range(0, count).Select(_ =>
        {
            var depth = random.NextDouble() switch { < 0.15 => 2, < 0.58 => 3, < 0.77 => 4, _ => 5 };
            return string.Join('.', Enumerable.Range(0, depth - 1).Select(_ => Label()).Append(Suffixes[random.Next(Suffixes.Length)]));
        }).ToArray();
    }
}
