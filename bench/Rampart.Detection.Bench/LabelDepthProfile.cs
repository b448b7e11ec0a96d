namespace Rampart.Detection.Bench;

/// <summary>
/// Generated names: indicators are deterministic 2-label domains (number <c>i</c> always gives the
/// same name, so queries can hit without keeping 10M strings), and queries follow a real label-depth
/// profile — 2 labels 15%, 3 labels 43%, 4 labels 19%, 5 to 7 labels 23% — with about 1% hits.
/// </summary>
public static class LabelDepthProfile
{
    private static readonly string[] Tlds = ["com", "net", "org", "info", "xyz", "top", "online", "co.uk", "ru", "de"];
    private static readonly string[] Subdomains = ["www", "mail", "login", "cdn", "api", "m", "secure", "static", "img", "app", "account", "portal"];

    /// <summary>Indicator number <paramref name="i"/>: letters only, 6 to 13 of them, then a top-level domain.</summary>
    public static string Indicator(long i)
    {
        var bits = Mix((ulong)i);
        var length = 6 + (int)(bits % 8);
        return string.Create(length, bits, static (span, state) =>
        {
            var x = state;
            for (var c = 0; c < span.Length; c++)
            {
                x = Mix(x + (ulong)c);
                span[c] = (char)('a' + (int)(x % 26));
            }
        }) + "." + Tlds[(int)((bits >> 40) % (ulong)(Tlds.Length - 2))];
    }

    public static string[] Queries(int count, long indicators, double hitRate = 0.01, int seed = 42)
    {
        var random = new Random(seed);
        var queries = new string[count];
        for (var q = 0; q < count; q++)
        {
            var depth = Depth(random.NextDouble(), random);
            // A miss's base carries a digit, which no indicator has, so it can never hit by accident.
            var name = random.NextDouble() < hitRate
                ? Indicator(random.NextInt64(indicators))
                : $"{Word(random)}{random.Next(10)}{Word(random)}.{Tlds[random.Next(Tlds.Length)]}";
            for (var labels = 2; labels < depth; labels++)
            {
                name = (random.Next(3) == 0 ? Word(random) : Subdomains[random.Next(Subdomains.Length)]) + "." + name;
            }

            queries[q] = name;
        }

        return queries;
    }

    private static int Depth(double p, Random random) => p switch
    {
        < 0.15 => 2,
        < 0.58 => 3,
        < 0.77 => 4,
        _ => 5 + random.Next(3),
    };

    private static string Word(Random random) =>
        string.Create(random.Next(3, 9), random, static (span, r) =>
        {
            for (var c = 0; c < span.Length; c++)
            {
                span[c] = (char)('a' + r.Next(26));
            }
        });

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
