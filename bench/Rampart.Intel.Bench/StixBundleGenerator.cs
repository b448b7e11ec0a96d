using System.Text;
using System.Text.Json;

namespace Rampart.Intel.Bench;

/// <summary>
/// Writes a bundle of <c>count</c> indicator objects shaped like a real feed (identity, TLP marking,
/// one domain, URL, IPv4 or SHA-256 per pattern, names, labels, kill chain phases), streaming to a file.
/// Addresses start at 20.0.0.0: a private range would be held back by the warninglists.
/// </summary>
internal static class StixBundleGenerator
{
    /// <summary>
    /// Ids count up (<c>indicator--00000000-…</c>, <c>indicator--00000001-…</c>) unless <see cref="RandomIds"/>:
    /// then they are random version 4 UUIDs, as real feeds' are (STIX 2.1 §2.9), and every index on them is
    /// written at random places instead of at its end.
    /// </summary>
    public static bool RandomIds { get; set; }

    public static void Write(string path, int count)
    {
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", "bundle--" + Guid.NewGuid());
        writer.WriteStartArray("objects");
        writer.WriteRawValue("""{"type":"identity","spec_version":"2.1","id":"identity--7f3c1a3e-5a4b-4a8e-9d0e-3b1f2c4d5e6f","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Bench feed","identity_class":"organization"}""");
        var random = new Random(42);
        Span<byte> hash = stackalloc byte[32];
        for (var i = 0; i < count; i++)
        {
            var uuid = RandomIds ? RandomUuid(random) : new Guid(i, (short)(i >> 16), 0x4000, 0x80, 0, 0, 0, 0, 0, 0, (byte)(i % 251));
            string pattern = (i % 4) switch
            {
                0 => $"[domain-name:value = 'c2-{i}.bench-{i % 997}.example']",
                1 => $"[url:value = 'http://lure-{i}.example/login?id={i}']",
                2 => $"[ipv4-addr:value = '{20 + (i >> 24) % 150}.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}']",
                _ => Sha256(random, hash),
            };
            writer.WriteStartObject();
            writer.WriteString("type", "indicator");
            writer.WriteString("spec_version", "2.1");
            writer.WriteString("id", "indicator--" + uuid);
            writer.WriteString("created_by_ref", "identity--7f3c1a3e-5a4b-4a8e-9d0e-3b1f2c4d5e6f");
            writer.WriteString("created", "2024-01-01T00:00:00.000Z");
            writer.WriteString("modified", "2024-01-02T00:00:00.000Z");
            writer.WriteString("name", "Bench indicator " + i);
            writer.WriteStartArray("indicator_types");
            writer.WriteStringValue("malicious-activity");
            writer.WriteEndArray();
            writer.WriteString("pattern", pattern);
            writer.WriteString("pattern_type", "stix");
            writer.WriteString("valid_from", "2024-01-01T00:00:00Z");
            writer.WriteNumber("confidence", 80);
            writer.WriteStartArray("kill_chain_phases");
            writer.WriteRawValue("""{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"command-and-control"}""");
            writer.WriteEndArray();
            writer.WriteStartArray("object_marking_refs");
            writer.WriteStringValue("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (writer.BytesPending > 1 << 20)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A version 4 UUID from the bundle's seeded generator, so a bundle and its re-import have the same ids.</summary>
    private static Guid RandomUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static string Sha256(Random random, Span<byte> hash)
    {
        random.NextBytes(hash);
        var hex = new StringBuilder("[file:hashes.'SHA-256' = '", 100);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.Append("']").ToString();
    }
}
