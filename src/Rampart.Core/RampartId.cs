namespace Rampart.Core;

/// <summary>
/// Ids in the STIX style (<c>indicator--&lt;uuid&gt;</c>). Version 7 UUIDs sort by creation time, which
/// keyset paging relies on, and never come from an in-process counter: several processes and nodes
/// write the same store.
/// </summary>
public static class RampartId
{
    public static string New(string type) => $"{type}--{Guid.CreateVersion7()}";

    /// <summary>
    /// Fills <paramref name="ids"/> with new ids of one type, version 7 UUIDs as <see cref="New"/> makes
    /// them, their random bits drawn in one call: <see cref="Guid.CreateVersion7()"/> asks the kernel for
    /// randomness once per id (a getrandom system call each), which bulk imports felt.
    /// </summary>
    public static void NewMany(string type, Span<string> ids)
    {
        const int RandomBytes = 10;
        Span<byte> random = ids.Length <= 64 ? stackalloc byte[ids.Length * RandomBytes] : new byte[ids.Length * RandomBytes];
        System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Span<byte> uuid = stackalloc byte[16];
        for (var i = 0; i < ids.Length; i++)
        {
            // RFC 9562 §5.7: 48 bits of Unix milliseconds, big-endian; version 7; variant 10; the rest random.
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(uuid, milliseconds << 16);
            random.Slice(i * RandomBytes, RandomBytes).CopyTo(uuid[6..]);
            uuid[6] = (byte)(0x70 | (uuid[6] & 0x0F));
            uuid[8] = (byte)(0x80 | (uuid[8] & 0x3F));
            ids[i] = $"{type}--{new Guid(uuid, bigEndian: true)}";
        }
    }
}
