using System.Text.Json;

namespace Rampart.Intel.Misp;

/// <summary>
/// Reads what MISP's feed generator writes: a folder with <c>manifest.json</c> (event uuid → event
/// summary) and one <c>&lt;uuid&gt;.json</c> per event; or a single event file. An event the manifest
/// lists but the folder lacks, or a file that cannot be read, is a problem; the other events are read.
/// </summary>
public static class MispFeed
{
    public const string ManifestFile = "manifest.json";

    public const string HashesFile = "hashes.csv";

    public static IReadOnlyList<MispEvent> Read(string path, List<MispProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        if (!Directory.Exists(path))
        {
            return ReadEvent(path, problems) is { } single ? [single] : [];
        }

        var events = new List<MispEvent>();
        foreach (var uuid in ManifestUuids(Path.Combine(path, ManifestFile), problems))
        {
            var file = Path.Combine(path, uuid + ".json");
            if (!File.Exists(file))
            {
                problems.Add(new MispProblem(Path.Combine(path, ManifestFile), 1, uuid, "the manifest lists this event, but its file is missing"));
                continue;
            }

            if (ReadEvent(file, problems) is { } read)
            {
                events.Add(read);
            }
        }

        return events;
    }

    private static MispEvent? ReadEvent(string file, List<MispProblem> problems)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(file).Length > MispEventReader.MaxEventBytes)
            {
                problems.Add(new MispProblem(file, 1, null, $"larger than {MispEventReader.MaxEventBytes / (1024 * 1024)} MB"));
                return null;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (IOException ex)
        {
            problems.Add(new MispProblem(file, 0, null, ex.Message));
            return null;
        }

        return MispEventReader.Read(bytes, file, problems);
    }

    /// <summary>The manifest's keys, in file order: each one an event uuid (anything else is reported).</summary>
    private static List<string> ManifestUuids(string manifest, List<MispProblem> problems)
    {
        var uuids = new List<string>();
        if (!File.Exists(manifest))
        {
            problems.Add(new MispProblem(manifest, 0, null, "a MISP feed folder needs its manifest.json"));
            return uuids;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest), new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new MispProblem(manifest, 1, null, "the manifest is a JSON object keyed by event uuid"));
                return uuids;
            }

            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (Guid.TryParse(entry.Name, out _) && entry.Name.Length == 36)
                {
                    uuids.Add(entry.Name);
                }
                else
                {
                    problems.Add(new MispProblem(manifest, 1, entry.Name, "is not an event uuid"));
                }
            }
        }
        catch (JsonException ex)
        {
            problems.Add(new MispProblem(manifest, (int)(ex.LineNumber ?? 0) + 1, null, "not valid JSON"));
        }

        return uuids;
    }
}
