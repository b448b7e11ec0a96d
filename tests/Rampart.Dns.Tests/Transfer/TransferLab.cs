using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Transfer;

/// <summary>A zone, a key and a fixed clock for the transfer responder, and what a secondary does with the answers.</summary>
internal static class TransferLab
{
    public const long Now = 1_795_000_000;

    public static readonly IPAddress Loopback = IPAddress.Loopback;

    public static TsigKey Key { get; } = new("rampart-xfr", RandomNumberGenerator.GetBytes(32));

    public static TsigKey OtherSecret { get; } = new("rampart-xfr", RandomNumberGenerator.GetBytes(32));

    public static TimeProvider Clock { get; } = new FixedTime(DateTimeOffset.FromUnixTimeSeconds(Now));

    /// <summary>An RPZ-shaped zone: SOA, NS, then two triggers per domain.</summary>
    public static TransferZone Zone(uint serial, int domains)
    {
        var origin = Name("rpz.rampart");
        var soa = new List<byte>();
        soa.AddRange(Name("localhost"));
        soa.AddRange(Name("hostmaster.rampart.invalid"));
        foreach (var value in new uint[] { serial, 3600, 600, 604800, 300 })
        {
            var field = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(field, value);
            soa.AddRange(field);
        }

        var records = new List<TransferRecord> { new(origin, DnsType.Soa, 300, [.. soa]), new(origin, DnsType.Ns, 300, Name("localhost")) };
        for (var i = 0; i < domains; i++)
        {
            records.Add(new TransferRecord(Name($"evil-{i}.example.rpz.rampart"), DnsType.A, 300, [192, 0, 2, 53]));
            records.Add(new TransferRecord(Name($"*.evil-{i}.example.rpz.rampart"), DnsType.A, 300, [192, 0, 2, 53]));
        }

        return new TransferZone(origin, records);
    }

    public static ZoneTransferOptions Options(params IPNetwork[] allow) => new() { Keys = [Key], AllowFrom = allow, MaxMessageSize = 4096 };

    public static byte[] Name(string text) => TransferNames.TryEncode(text, out var wire, out var error) ? wire : throw new ArgumentException(error);

    /// <summary>A transfer request, signed with <paramref name="key"/> at <paramref name="signedAt"/> when given.</summary>
    public static byte[] Request(ushort type, TsigKey? key = null, long signedAt = Now, uint? ixfrSerial = null, string zone = "rpz.rampart")
    {
        var builder = new QueryBuilder().U16(0x4242).U16(0).U16(1).U16(0).U16((ushort)(ixfrSerial is null ? 0 : 1)).U16(0).Name(zone).U16(type).U16(DnsClass.In);
        if (ixfrSerial is { } serial)
        {
            var rdata = Zone(serial, 0).Soa.Rdata;
            builder.Name(zone).U16(DnsType.Soa).U16(DnsClass.In).U16(0).U16(300).U16((ushort)rdata.Length).Bytes(rdata);
        }

        var request = builder.ToArray();
        return key is null ? request : Tsig.Sign(request, key, [], timersOnly: false, signedAt, 300, TsigError.NoError, [], out _);
    }

    public static (TransferOutcome Outcome, List<byte[]> Responses) Ask(byte[] request, ZoneTransferOptions? options = null, IPAddress? peer = null, TransferZone? zone = null, bool tcp = true)
    {
        var responses = new List<byte[]>();
        var outcome = new ZoneTransferResponder(options ?? Options(), Clock).Respond(request, peer ?? Loopback, zone ?? Zone(7, 3), tcp, responses);
        return (outcome, responses);
    }

    /// <summary>
    /// What a secondary does (RFC 8945 §5.3.1): each message's MAC must be the one the key gives
    /// over the prior MAC (the request's for the first), the message and the variables or timers.
    /// </summary>
    public static bool ChainVerifies(byte[] request, IReadOnlyList<byte[]> responses, TsigKey key)
    {
        Assert.Equal(TsigParseError.None, TsigRecord.TryRead(request, out var requestTsig));
        var prior = requestTsig!.Mac;
        for (var i = 0; i < responses.Count; i++)
        {
            if (TsigRecord.TryRead(responses[i], out var tsig) != TsigParseError.None || tsig is null)
            {
                return false;
            }

            var unsigned = responses[i][..tsig.Offset];
            BinaryPrimitives.WriteUInt16BigEndian(unsigned.AsSpan(10), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(unsigned.AsSpan(10)) - 1));
            Tsig.Sign(unsigned, key, prior, timersOnly: i > 0, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData, out var expected);
            if (!expected.AsSpan().SequenceEqual(tsig.Mac))
            {
                return false;
            }

            prior = tsig.Mac;
        }

        return true;
    }

    public static int Rcode(byte[] message) => BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(2)) & 0xF;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
