using System.Security.Cryptography;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// A TSIG key (RFC 8945): its name, algorithm and the shared secret. The secret must be kept to
/// compute and verify HMACs, so it lives in memory only, read from a key file the operator protects;
/// logs and <see cref="ToString"/> show the <see cref="Fingerprint"/>, never the secret.
/// </summary>
public sealed class TsigKey
{
    /// <summary>The one algorithm offered: HMAC-SHA256 (RFC 8945 §6: mandatory to implement).</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>Shortest secret accepted: 16 bytes (RFC 8945 §6 asks for at least the hash's half).</summary>
    public const int MinSecretLength = 16;

    private readonly byte[] _secret;

    public TsigKey(string name, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(secret);
        if (!DnsName.TryEncode(name, out var wire, out var error))
        {
            throw new ArgumentException($"key name '{name}': {error}", nameof(name));
        }

        if (secret.Length < MinSecretLength)
        {
            throw new ArgumentException($"key '{name}': the secret must be at least {MinSecretLength} bytes", nameof(secret));
        }

        Name = DnsName.ToText(wire).ToLowerInvariant();
        NameWire = wire;
        _secret = secret.ToArray();
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(_secret))[..16];
    }

    /// <summary>Lower case, without the trailing dot.</summary>
    public string Name { get; }

    /// <summary>The name in canonical (lower-case, uncompressed) wire form, as the MAC covers it.</summary>
    public byte[] NameWire { get; }

    /// <summary>The first 16 hex digits of the secret's SHA-256: enough to tell keys apart in logs, useless to forge.</summary>
    public string Fingerprint { get; }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> with this key (32 bytes).</summary>
    public byte[] Mac(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_secret, data);

    public override string ToString() => $"{Name} ({HmacSha256}, sha256:{Fingerprint})";
}
