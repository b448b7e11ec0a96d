namespace Rampart.Storage.Intel;

/// <summary>
/// The STIX ids of the chunks one import has prepared so far (a superset of those it stored), as a Bloom filter
/// of fixed size: "no" is certain, "maybe" is checked against the store. An import that began on an empty <c>stix_objects</c> (SQLite holds its
/// one write lock from the import's first statement to its commit, so nobody else adds a version
/// meanwhile) can only find versions it wrote itself, so an id the filter has never seen needs no
/// look-up: the look-ups were 0.4–0.6 CPU-s of a 200,000-indicator first import's ~3.5 CPU-s write stage.
/// </summary>
/// <remarks>
/// One 64-bit word per id, four bits in it (a blocked Bloom filter): one cache miss per question instead
/// of four, which the import's profile showed (the four-probe filter took 3.8% of the write stage's
/// samples, nearly all waiting on memory). 2^20 words (8 MB) whatever the bundle's size, so memory stays
/// bounded. A "maybe" for an id never added comes about once in 7,000 at 1M ids, about one in 20 at
/// 10M: each costs one look-up.
/// </remarks>
internal sealed class StoredIdFilter
{
    private const int Words = 1 << 20;
    private readonly ulong[] _words = new ulong[Words];

    public void Add(string id)
    {
        var (word, bits) = Locate(id);
        _words[word] |= bits;
    }

    /// <summary>False when the id was certainly never added.</summary>
    public bool MayContain(string id)
    {
        var (word, bits) = Locate(id);
        return (_words[word] & bits) == bits;
    }

    /// <summary>
    /// The word and the four bits of an id, from one 64-bit hash: the low 20 bits pick the word, four
    /// 6-bit fields above them the bits. The string hash (32 bits, randomized per process, which an
    /// in-memory filter does not mind) is spread over 64 bits by a multiply-xorshift.
    /// </summary>
    private static (int Word, ulong Bits) Locate(string id)
    {
        var hash = (ulong)(uint)string.GetHashCode(id, StringComparison.Ordinal) * 0x9E3779B97F4A7C15UL;
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        var bits = (1UL << (int)((hash >> 20) & 63)) | (1UL << (int)((hash >> 26) & 63)) | (1UL << (int)((hash >> 32) & 63)) | (1UL << (int)((hash >> 38) & 63));
        return ((int)(hash & (Words - 1)), bits);
    }
}
