using Rampart.Dns.Spool;

namespace Rampart.Dns.Tests.Spool;

public class HitSpoolTests
{
    private static void Add(SpoolBatch batch, byte value, int length = 40)
    {
        var payload = batch.BeginRecord(length);
        payload.Fill(value);
        batch.EndRecord(length);
    }

    private static List<SpoolEntry> ReadAll(string directory)
    {
        var entries = new List<SpoolEntry>();
        foreach (var (_, path) in SpoolFormat.Segments(directory))
        {
            SpoolReader.Read(path, 0, int.MaxValue, entries);
        }

        return entries;
    }

    [Fact]
    public void Numbers_records_in_order_and_continues_the_sequence_after_a_restart()
    {
        using var folder = new TempFolder();
        var options = new SpoolOptions { Directory = folder.Path, NodeId = "node-a" };
        var batch = new SpoolBatch();
        using (var spool = HitSpool.Open(options))
        {
            Add(batch, 1);
            Add(batch, 2);
            spool.Commit(batch);
            Assert.Equal(1, batch.FirstSequence);
        }

        using (var spool = HitSpool.Open(options))
        {
            batch.Clear();
            Add(batch, 3);
            spool.Commit(batch);
            Assert.Equal(3, batch.FirstSequence);
        }

        var entries = ReadAll(folder.Path);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal([1, 2, 3], entries.Select(e => (int)e.Payload[0]));
    }

    [Fact]
    public void Keeps_a_generated_node_id_across_restarts()
    {
        using var folder = new TempFolder();
        var options = new SpoolOptions { Directory = folder.Path };
        string first;
        using (var spool = HitSpool.Open(options))
        {
            first = spool.NodeId;
        }

        using var again = HitSpool.Open(options);
        Assert.StartsWith("node-", first, StringComparison.Ordinal);
        Assert.Equal(first, again.NodeId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(55)]
    public void Cuts_a_torn_tail_on_open_and_reuses_its_sequence(int tornBytes)
    {
        using var folder = new TempFolder();
        var options = new SpoolOptions { Directory = folder.Path, NodeId = "n" };
        var batch = new SpoolBatch();
        using (var spool = HitSpool.Open(options))
        {
            Add(batch, 1);
            Add(batch, 2);
            spool.Commit(batch);
        }

        // The last record's write stopped part-way: only its first bytes reached the file.
        var (_, path) = SpoolFormat.Segments(folder.Path).Single();
        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length / 2 + Math.Min(tornBytes, whole.Length / 2 - 1))]);

        using (var spool = HitSpool.Open(options))
        {
            batch.Clear();
            Add(batch, 9);
            spool.Commit(batch);
        }

        var entries = ReadAll(folder.Path);
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal([1, 9], entries.Select(e => (int)e.Payload[0]));
    }

    [Fact]
    public void Detects_a_flipped_bit_by_its_checksum()
    {
        using var folder = new TempFolder();
        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n" }))
        {
            var batch = new SpoolBatch();
            Add(batch, 1);
            Add(batch, 2);
            spool.Commit(batch);
        }

        var (_, path) = SpoolFormat.Segments(folder.Path).Single();
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        Assert.Equal([1L], ReadAll(folder.Path).Select(e => e.Sequence));
    }

    [Fact]
    public void Starts_a_new_segment_past_the_segment_size_and_reads_across_segments()
    {
        using var folder = new TempFolder();
        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n", SegmentBytes = 200 }))
        {
            var batch = new SpoolBatch();
            for (var i = 1; i <= 10; i++)
            {
                batch.Clear();
                Add(batch, (byte)i);
                spool.Commit(batch);
            }
        }

        Assert.True(SpoolFormat.Segments(folder.Path).Count > 1);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ReadAll(folder.Path).Select(e => e.Sequence));
    }
}
