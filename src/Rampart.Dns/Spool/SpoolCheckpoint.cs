using System.Globalization;

namespace Rampart.Dns.Spool;

/// <summary>
/// How far the ingester got: the segment, the offset after the last record stored, and that
/// record's sequence. Written atomically (temporary file, then rename) after each stored batch; a
/// crash between the store's commit and this write re-sends a batch, which the store ignores by hit id.
/// </summary>
public readonly record struct SpoolCheckpoint(long SegmentFirstSequence, long Offset, long LastSequence)
{
    public const string FileName = "checkpoint";

    public static SpoolCheckpoint Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return default;
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? new SpoolCheckpoint(segment, offset, last)
            : default;
    }

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{SegmentFirstSequence} {Offset} {LastSequence}"));
        File.Move(temporary, path, overwrite: true);
    }
}
