using System.Security.Cryptography;
using System.Text;

namespace Rampart.Intel.Stix;

/// <summary>Deterministic STIX ids (UUID version 5, RFC 4122 §4.3), as STIX 2.1 §2.9 recommends for generated objects.</summary>
public static class StixIds
{
    public static string Deterministic(string type, Guid ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> namespaceBytes = stackalloc byte[16];
        ns.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what UUID version 5 is defined with; it names, it does not protect.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"{type}--{new Guid(hash[..16], bigEndian: true)}";
    }
}
