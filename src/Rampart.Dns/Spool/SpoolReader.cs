namespace Rampart.Dns.Spool;

/// <summary>Reads whole, valid records from a segment; stops at the first that is not.</summary>
internal static class SpoolReader
{
    private const int ChunkSize = 1024 * 1024;

    public static SpoolScan Scan(string path)
    {
        var records = new List<SpoolEntry>();
        long last = 0;
        var count = 0;
        long offset = 0;
        long fileLength;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            fileLength = RandomAccess.GetLength(handle);
        }

        while (true)
        {
            records.Clear();
            var end = Read(path, offset, 100_000, records);
            if (records.Count == 0)
            {
                return new SpoolScan(offset, fileLength, last, count);
            }

            last = records[^1].Sequence;
            count += records.Count;
            offset = end;
        }
    }

    /// <summary>
    /// Appends up to <paramref name="max"/> records starting at <paramref name="offset"/> and returns
    /// the offset after the last one read. A record still being written looks incomplete and ends the read.
    /// </summary>
    public static long Read(string path, long offset, int max, List<SpoolEntry> into)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[ChunkSize];
        var read = 0;
        while (read < max)
        {
            var got = RandomAccess.Read(handle, buffer, offset);
            if (got == 0)
            {
                return offset;
            }

            var data = buffer.AsSpan(0, got);
            var consumed = 0;
            while (read < max && SpoolFormat.TryRead(data[consumed..], out var length, out var sequence, out var payload))
            {
                into.Add(new SpoolEntry(sequence, payload.ToArray()));
                consumed += length;
                read++;
            }

            if (consumed == 0)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
