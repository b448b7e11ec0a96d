using System.Text.Json;

namespace Rampart.Intel.Bench;

/// <summary>
/// Writes a bundle the size and shape of ATT&amp;CK Enterprise (about 50 MB, about 24,000 objects):
/// groups with aliases, techniques with kill chain phases, software, and group→technique and
/// software→technique <c>uses</c> relationships, each with an ATT&amp;CK-length description.
/// </summary>
internal static class AttackBundleGenerator
{
    public const int Groups = 180;
    public const int Techniques = 1_400;
    public const int Software = 900;
    public const int Relationships = 21_000;

    private static readonly string[] Tactics =
        ["reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation", "defense-evasion",
         "credential-access", "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact"];

    public static string GroupId(int i) => Id("intrusion-set", 1, i);

    public static void Write(string path, string modified)
    {
        var description = string.Concat(Enumerable.Repeat("Adversaries may use this behaviour to reach their objectives; see the procedure examples. ", 20));
        using var file = File.Create(path);
        using var w = new Utf8JsonWriter(file);
        w.WriteStartObject();
        w.WriteString("type", "bundle");
        w.WriteString("id", "bundle--" + Guid.NewGuid());
        w.WriteStartArray("objects");
        for (var i = 0; i < Groups; i++)
        {
            Start(w, "intrusion-set", GroupId(i), modified, i == 0 ? "APT28" : $"Bench Group {i}", $"G{i + 7:D4}", description);
            w.WriteStartArray("aliases");
            w.WriteStringValue(i == 0 ? "APT28" : $"Bench Group {i}");
            w.WriteStringValue($"Alias {i}");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        for (var i = 0; i < Techniques; i++)
        {
            Start(w, "attack-pattern", Id("attack-pattern", 2, i), modified, $"Technique {i}", $"T{1000 + i}", description);
            w.WriteStartArray("kill_chain_phases");
            w.WriteStartObject();
            w.WriteString("kill_chain_name", "mitre-attack");
            w.WriteString("phase_name", Tactics[i % Tactics.Length]);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("x_mitre_platforms");
            w.WriteStringValue("Windows");
            w.WriteStringValue("Linux");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        for (var i = 0; i < Software; i++)
        {
            Start(w, i % 2 == 0 ? "malware" : "tool", Id(i % 2 == 0 ? "malware" : "tool", 3, i), modified, $"Software {i}", $"S{i:D4}", description);
            w.WriteBoolean("is_family", true);
            w.WriteEndObject();
            if (w.BytesPending > 1 << 20)
            {
                w.Flush();
            }
        }

        for (var i = 0; i < Relationships; i++)
        {
            // Two in three relationships are group → technique, one in three software → technique.
            var software = (i / 3) % Software;
            var source = i % 3 != 0 ? GroupId((i / 3) % Groups) : Id(software % 2 == 0 ? "malware" : "tool", 3, software);

            w.WriteStartObject();
            w.WriteString("type", "relationship");
            w.WriteString("spec_version", "2.1");
            w.WriteString("id", Id("relationship", 4, i));
            w.WriteString("created", "2017-05-31T21:30:00.000Z");
            w.WriteString("modified", modified);
            w.WriteString("relationship_type", "uses");
            w.WriteString("source_ref", source);
            w.WriteString("target_ref", Id("attack-pattern", 2, (i * 7) % Techniques));
            w.WriteString("description", description);
            w.WriteString("x_mitre_version", "1.0");
            w.WriteEndObject();
            if (w.BytesPending > 1 << 20)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter w, string type, string id, string modified, string name, string attackId, string description)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", id);
        w.WriteString("created", "2017-05-31T21:30:00.000Z");
        w.WriteString("modified", modified);
        w.WriteString("name", name);
        w.WriteString("description", description);
        w.WriteStartArray("external_references");
        w.WriteStartObject();
        w.WriteString("source_name", "mitre-attack");
        w.WriteString("external_id", attackId);
        w.WriteString("url", "https://attack.mitre.org/" + attackId);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static string Id(string type, int kind, int i) => $"{type}--{kind:x8}-0000-4000-8000-{i:x12}";
}
