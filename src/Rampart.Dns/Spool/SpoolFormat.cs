using System.Buffers.Binary;

namespace Rampart.Dns.Spool;

/// <summary>
/// The spool's record layout, little-endian: u32 total length, u32 CRC-32C of everything after it,
/// u64 sequence, then the payload. A record is valid only whole and with a matching checksum, so a
/// tail torn by a crash is recognised wherever the write stopped.
/// </summary>
internal static class SpoolFormat
{
    public const int HeaderSize = 16;

    /// <summary>Upper bound on one record; anything longer in a length field is garbage.</summary>
    public const int MaxRecordSize = 4096;

    public const string SegmentPrefix = "hits-";
    public const string SegmentSuffix = ".spool";

    public static string SegmentName(long firstSequence) => $"{SegmentPrefix}{firstSequence:D20}{SegmentSuffix}";

    public static bool TryParseSegmentName(string fileName, out long firstSequence)
    {
        firstSequence = 0;
        return fileName.StartsWith(SegmentPrefix, StringComparison.Ordinal)
            && fileName.EndsWith(SegmentSuffix, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(SegmentPrefix.Length, fileName.Length - SegmentPrefix.Length - SegmentSuffix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out firstSequence);
    }

    /// <summary>Segments in a spool folder, oldest first.</summary>
    public static List<(long FirstSequence, string Path)> Segments(string directory)
    {
        var segments = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, SegmentPrefix + "*" + SegmentSuffix))
        {
            if (TryParseSegmentName(Path.GetFileName(path), out var first))
            {
                segments.Add((first, path));
            }
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return segments;
    }

    /// <summary>Seals a record written at <paramref name="record"/> (length already set): sequence, then checksum.</summary>
    public static void Seal(Span<byte> record, long sequence)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(record);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32C.Compute(record[8..length]));
    }

    /// <summary>
    /// The whole valid record at the start of <paramref name="data"/>, or false when it is incomplete
    /// or its checksum does not match.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out int length, out long sequence, out ReadOnlySpan<byte> payload)
    {
        length = 0;
        sequence = 0;
        payload = default;
        if (data.Length < HeaderSize)
        {
            return false;
        }

        length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < HeaderSize || length > MaxRecordSize || length > data.Length)
        {
            return false;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (Crc32C.Compute(data[8..length]) != crc)
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadInt64LittleEndian(data[8..]);
        payload = data[HeaderSize..length];
        return true;
    }
}
