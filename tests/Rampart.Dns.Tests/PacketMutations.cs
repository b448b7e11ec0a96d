using CsCheck;

namespace Rampart.Dns.Tests;

/// <summary>
/// Seed packets with a few bytes overwritten, inserted, removed, flipped or the tail cut: mostly almost-valid
/// input, which reaches deeper into a parser than random bytes do. One generator for every wire fuzz test.
/// </summary>
internal static class PacketMutations
{
    /// <param name="seeds">Valid packets to start from.</param>
    /// <param name="maxEdits">Most edits per packet.</param>
    /// <param name="tailWindow">When set, edits land in the last this-many bytes (where a trailing record such as TSIG sits).</param>
    public static Gen<byte[]> Of(byte[][] seeds, int maxEdits, int? tailWindow = null) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, maxEdits], Gen.Int[0, 3], Gen.Byte.Array[1, maxEdits], Gen.Int[0, 100])
        .Select(t =>
        {
            var (seed, count, kind, noise, cut) = t;
            var bytes = seeds[seed].ToList();
            for (var i = 0; i < count && bytes.Count > 0; i++)
            {
                var spread = (noise[i % noise.Length] * 7) + (i * 13);
                var at = tailWindow is { } window
                    ? bytes.Count - 1 - (spread % Math.Min(bytes.Count, window))
                    : spread % bytes.Count;
                switch (kind)
                {
                    case 0: bytes[at] = noise[i % noise.Length]; break;
                    case 1: bytes.Insert(at, noise[i % noise.Length]); break;
                    case 2: bytes.RemoveAt(at); break;
                    default: bytes[at] ^= (byte)(1 << (i % 8)); break;
                }
            }

            return cut < 10 ? bytes.Take(bytes.Count * cut / 10).ToArray() : bytes.ToArray();
        });
}
