using System.Net;
using System.Text.Json;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// The zone set as a JSON file: what a standalone node serves, and the cache the platform keeps in
/// the data folder so a node starts when the store is unreachable.
/// <code>
/// { "serial": 7, "ttl": 300, "nameServers": ["ns1.sinkhole.example"], "hostmaster": "hostmaster.sinkhole.example",
///   "addresses": ["192.0.2.53", "2001:db8::53"],
///   "zones": [ { "apex": "hanrnaii.net", "case": "case-1" }, { "apex": "evil.example", "addresses": ["192.0.2.54"] } ] }
/// </code>
/// </summary>
public static class SinkholeZoneFile
{
    /// <summary>Reads a zone set; every problem names the file and the field ("zones.json: zones[2].apex: …").</summary>
    public static SinkholeZoneSet Load(string path, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = new List<string>();
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problems = [$"{name}: {ex.Message}"];
            return SinkholeZoneSet.Empty;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems = [$"{name}: the top level must be an object"];
                return SinkholeZoneSet.Empty;
            }

            var settings = SinkholeZoneSettings.Default;
            if (root.TryGetProperty("serial", out var serial))
            {
                settings = serial.TryGetUInt32(out var value) ? settings with { Serial = value } : Problem(settings, "serial: a number from 0 to 4294967295");
            }

            if (root.TryGetProperty("ttl", out var ttl))
            {
                settings = ttl.TryGetUInt32(out var value) && value <= int.MaxValue ? settings with { Ttl = value } : Problem(settings, "ttl: seconds, 0 to 2147483647");
            }

            if (root.TryGetProperty("nameServers", out var ns))
            {
                settings = settings with { NameServers = Strings(ns, "nameServers") };
            }

            if (root.TryGetProperty("hostmaster", out var hostmaster))
            {
                settings = hostmaster.ValueKind == JsonValueKind.String ? settings with { Hostmaster = hostmaster.GetString()! } : Problem(settings, "hostmaster: a string");
            }

            if (root.TryGetProperty("addresses", out var addresses))
            {
                settings = settings with { Addresses = Addresses(addresses, "addresses") };
            }

            var zones = new List<SinkholeZone>();
            if (root.TryGetProperty("zones", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var zone in list.EnumerateArray())
                {
                    var where = $"zones[{index++}]";
                    if (zone.ValueKind != JsonValueKind.Object || !zone.TryGetProperty("apex", out var apex) || apex.ValueKind != JsonValueKind.String)
                    {
                        found.Add($"{name}: {where}: an object with an \"apex\" string");
                        continue;
                    }

                    var caseId = zone.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    IReadOnlyList<IPAddress> own = zone.TryGetProperty("addresses", out var a) ? Addresses(a, where + ".addresses") : [];
                    zones.Add(new SinkholeZone(apex.GetString()!, caseId, own));
                }
            }
            else
            {
                found.Add($"{name}: zones: an array of zones is needed");
            }

            var set = SinkholeZoneSet.Create(zones, settings, out var compileProblems);
            found.AddRange(compileProblems.Select(p => $"{name}: {p}"));
            problems = found;
            return set;
        }

        SinkholeZoneSettings Problem(SinkholeZoneSettings settings, string problem)
        {
            found.Add($"{name}: {problem}");
            return settings;
        }

        List<string> Strings(JsonElement element, string where)
        {
            var values = new List<string>();
            if (element.ValueKind != JsonValueKind.Array)
            {
                found.Add($"{name}: {where}: an array of strings");
                return values;
            }

            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    values.Add(item.GetString()!);
                }
                else
                {
                    found.Add($"{name}: {where}[{i}]: a string");
                }

                i++;
            }

            return values;
        }

        List<IPAddress> Addresses(JsonElement element, string where)
        {
            var values = new List<IPAddress>();
            var i = 0;
            foreach (var text in Strings(element, where))
            {
                if (IPAddress.TryParse(text, out var address))
                {
                    values.Add(address);
                }
                else
                {
                    found.Add($"{name}: {where}[{i}]: '{text}' is not an IP address");
                }

                i++;
            }

            return values;
        }
    }

    /// <summary>Writes a zone set atomically (temporary file, then rename): the data-folder cache.</summary>
    public static void Save(SinkholeZoneSet zones, IReadOnlyDictionary<string, string?> casesByApex, string path)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(casesByApex);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("serial", zones.Settings.Serial);
            json.WriteNumber("ttl", zones.Settings.Ttl);
            json.WriteStartArray("nameServers");
            foreach (var ns in zones.Settings.NameServers)
            {
                json.WriteStringValue(ns);
            }

            json.WriteEndArray();
            json.WriteString("hostmaster", zones.Settings.Hostmaster);
            json.WriteStartArray("addresses");
            foreach (var address in zones.Settings.Addresses)
            {
                json.WriteStringValue(address.ToString());
            }

            json.WriteEndArray();
            json.WriteStartArray("zones");
            foreach (var apex in zones.Apexes.Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("apex", apex);
                if (casesByApex.TryGetValue(apex, out var caseId) && caseId is not null)
                {
                    json.WriteString("case", caseId);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }
}
