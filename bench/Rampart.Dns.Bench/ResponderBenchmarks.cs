using System.Net;
using BenchmarkDotNet.Attributes;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Bench;

/// <summary>
/// The per-query work of the sinkhole without sockets: parse, find the zone among 50, write the
/// answer, encode the hit record. Budget: 0 bytes allocated per query.
/// </summary>
[MemoryDiagnoser]
public class ResponderBenchmarks
{
    private readonly byte[] _response = new byte[1232];
    private readonly SpoolBatch _batch = new(1024 * 1024);
    private byte[] _query = [];
    private byte[] _ednsQuery = [];
    private byte[] _outside = [];
    private SinkholeZoneSet _zones = SinkholeZoneSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _zones = SinkholeZoneSet.Create(
            Enumerable.Range(1, 50).Select(i => new SinkholeZone($"sink{i:D2}.example", $"case-{i}", [])),
            SinkholeZoneSettings.Default with { Addresses = [IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1")] },
            out _);
        _query = Query("login.mail.sink17.example", withEdns: false);
        _ednsQuery = Query("www.sink42.example", withEdns: true);
        _outside = Query("www.example.com", withEdns: false);
    }

    [Benchmark(Baseline = true)]
    public int Subdomain_A() => SinkholeResponder.Respond(_query, _response, _zones, 1232, out _);

    [Benchmark]
    public int Subdomain_A_with_edns() => SinkholeResponder.Respond(_ednsQuery, _response, _zones, 1232, out _);

    [Benchmark]
    public int Outside_refused() => SinkholeResponder.Respond(_outside, _response, _zones, 1232, out _);

    [Benchmark]
    public int Answer_and_hit_record()
    {
        var length = SinkholeResponder.Respond(_ednsQuery, _response, _zones, 1232, out var answer);
        if (_batch.Length > 512 * 1024)
        {
            _batch.Clear();
        }

        var payload = _batch.BeginRecord(DnsHitCodec.MaxPayload);
        _batch.EndRecord(DnsHitCodec.Encode(payload, 1, DnsTransport.Udp, [127, 0, 0, 1], 5353, _ednsQuery, answer));
        return length;
    }

    private static byte[] Query(string name, bool withEdns)
    {
        var bytes = new List<byte> { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, (byte)(withEdns ? 1 : 0) };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(label.Select(c => (byte)c));
        }

        bytes.AddRange([0, 0, (byte)DnsType.A, 0, (byte)DnsClass.In]);
        if (withEdns)
        {
            bytes.AddRange([0, 0, (byte)DnsType.Opt, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]);
        }

        return [.. bytes];
    }
}
