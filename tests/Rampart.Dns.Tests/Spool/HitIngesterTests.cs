using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Tests.Spool;

public class HitIngesterTests
{
    private static void Spool(HitSpool spool, int count)
    {
        var zones = Sinkhole.TestZones.Create();
        var batch = new SpoolBatch();
        var response = new byte[1232];
        for (var i = 0; i < count; i++)
        {
            var query = QueryBuilder.Query($"s{i}.evil.example");
            SinkholeResponder.Respond(query, response, zones, 1232, out var answer);
            batch.EndRecord(DnsHitCodec.Encode(batch.BeginRecord(DnsHitCodec.MaxPayload), 1_700_000_000_000_000 + i, DnsTransport.Udp, [192, 0, 2, 7], 5000, query, answer));
        }

        spool.Commit(batch);
    }

    [Fact]
    public async Task Moves_every_hit_into_the_store_once_across_segments_and_deletes_stored_segments()
    {
        using var folder = new TempFolder();
        var store = new MemoryHitStore();
        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n1", SegmentBytes = 4096 }))
        {
            for (var i = 0; i < 10; i++)
            {
                Spool(spool, 10);
            }
        }

        var ingester = new HitIngester(folder.Path, "n1", store, new HitIngesterOptions { BatchSize = 7 });
        while (await ingester.IngestOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        Assert.Equal(100, store.Hits.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"n1:{i}"), store.Hits.OrderBy(h => h.Sequence).Select(h => h.HitId));
        Assert.Equal("s0.evil.example", store.Hits.Single(h => h.Sequence == 1).QueryName);
        Assert.Single(SpoolFormat.Segments(folder.Path));
        Assert.Equal(0, HitIngester.PendingBytes(folder.Path));
    }

    [Fact]
    public async Task A_store_that_is_down_loses_nothing_and_a_repeated_batch_is_stored_once()
    {
        using var folder = new TempFolder();
        var store = new MemoryHitStore { Down = true };
        using var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n1" });
        Spool(spool, 20);
        var ingester = new HitIngester(folder.Path, "n1", store, new HitIngesterOptions { BatchSize = 50 });

        await Assert.ThrowsAsync<IOException>(() => ingester.IngestOnceAsync(TestContext.Current.CancellationToken));
        Assert.True(HitIngester.PendingBytes(folder.Path) > 0);
        store.Down = false;
        await ingester.IngestOnceAsync(TestContext.Current.CancellationToken);
        // A crash after the store's commit and before the checkpoint: the batch comes again.
        File.Delete(Path.Combine(folder.Path, SpoolCheckpoint.FileName));
        await ingester.IngestOnceAsync(TestContext.Current.CancellationToken);
        Spool(spool, 5);
        await ingester.IngestOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(25, store.Hits.Count);
        Assert.Equal(20 + 5, ingester.Stored);
    }

    [Fact]
    public async Task A_restarted_spool_continues_after_the_checkpoint_when_every_segment_was_stored()
    {
        using var folder = new TempFolder();
        var store = new MemoryHitStore();
        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n1" }))
        {
            Spool(spool, 3);
        }

        await new HitIngester(folder.Path, "n1", store).IngestOnceAsync(TestContext.Current.CancellationToken);
        foreach (var (_, path) in SpoolFormat.Segments(folder.Path))
        {
            File.Delete(path);
        }

        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "n1" }))
        {
            Assert.Equal(4, spool.NextSequence);
        }
    }
}
