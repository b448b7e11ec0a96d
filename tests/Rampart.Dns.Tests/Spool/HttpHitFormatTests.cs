using System.Buffers.Binary;
using System.Text;
using Rampart.Dns.Http;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Tests.Spool;

public class HttpHitFormatTests
{
    /// <summary>An HTTP hit laid out as spools written before TLS held them (kind 2: no server name), byte by byte.</summary>
    private static byte[] KindTwoPayload()
    {
        var payload = new List<byte> { HttpHitCodec.KindBeforeSni };
        var fixedPart = new byte[71];
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart, 1_764_460_800_000_000); // 2025-11-30 00:00:00 UTC, in µs
        fixedPart[8] = HttpHitCodec.TransportHttp;
        fixedPart[9] = 4;
        new byte[] { 192, 0, 2, 7 }.CopyTo(fixedPart, 10);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart.AsSpan(26), 40000);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart.AsSpan(28), 200);
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart.AsSpan(31), -1);
        payload.AddRange(fixedPart);
        foreach (var (text, prefix) in new[] { ("GET", 1), ("evil.example", 1), ("/owa", 2), ("curl/8", 2), ("", 2), ("", 1), ("case-2", 1) })
        {
            payload.Add((byte)text.Length);
            if (prefix == 2)
            {
                payload.Add(0);
            }

            payload.AddRange(Encoding.ASCII.GetBytes(text));
        }

        return [.. payload];
    }

    [Fact]
    public async Task A_spool_written_before_TLS_ports_existed_still_ingests_its_HTTP_hits()
    {
        using var folder = new TempFolder();
        var store = new MemoryHitStore();
        using (var spool = HitSpool.Open(new SpoolOptions { Directory = folder.Path, NodeId = "old" }))
        {
            var batch = new SpoolBatch();
            var old = KindTwoPayload();
            old.CopyTo(batch.BeginRecord(old.Length));
            batch.EndRecord(old.Length);
            spool.Commit(batch);
        }

        await new HitIngester(folder.Path, "old", store).IngestOnceAsync(TestContext.Current.CancellationToken);

        var hit = Assert.Single(store.Hits);
        Assert.Equal(("old:1", "http", "192.0.2.7", 40000, "case-2", "evil.example", "200"), (hit.HitId, hit.Transport, hit.SourceIp, hit.SourcePort, hit.CaseId, hit.QueryName, hit.Answer));
        Assert.Equal(("GET", "/owa", "curl/8", (long?)null, (string?)null), (hit.HttpMethod, hit.Url, hit.UserAgent, hit.BodyLength, hit.TlsSni));
        Assert.Equal(new DateTimeOffset(2025, 11, 30, 0, 0, 0, TimeSpan.Zero), hit.Time);
    }

    [Fact]
    public void A_kind_two_payload_cut_anywhere_is_refused_not_misread()
    {
        var old = KindTwoPayload();
        for (var length = 0; length < old.Length; length++)
        {
            Assert.False(HitPayload.TryDecode("n", 1, old.AsSpan(0, length), out _));
        }
    }
}
