using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Transfer;

public sealed class NotifySenderTests
{
    [Fact]
    public async Task A_secondary_gets_a_NOTIFY_signed_with_its_key_carrying_the_new_SOA_and_its_answer_ends_the_retries()
    {
        var ct = TestContext.Current.CancellationToken;
        using var secondary = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        secondary.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new NotifyTarget((IPEndPoint)secondary.LocalEndPoint!, "rampart-xfr");
        var options = TransferLab.Options() with { Notify = [target], NotifyTimeout = TimeSpan.FromSeconds(5) };
        var zone = TransferLab.Zone(42, 1);

        var sending = new NotifySender(options, TimeProvider.System, NullLogger.Instance).NotifyAsync(zone, target, ct);
        var buffer = new byte[4096];
        var received = await secondary.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), ct);
        var notify = buffer[..received.ReceivedBytes];
        var ack = notify[..DnsHeader.Size].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(ack.AsSpan(2), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(ack.AsSpan(2)) | DnsHeaderFlags.Response));
        ack.AsSpan(4).Clear();
        await secondary.SendToAsync(ack, received.RemoteEndPoint, ct);

        Assert.True(await sending);
        Assert.Equal(DnsParseError.None, DnsMessage.TryRead(notify, out var message));
        Assert.Equal(DnsOpcode.Notify, message!.Header.Opcode);
        Assert.Equal(("rpz.rampart", DnsType.Soa), (message.QuestionName, message.QuestionType));
        Assert.Equal(42u, BinaryPrimitives.ReadUInt32BigEndian(Assert.Single(message.Answers).Data.AsSpan(^20)));
        Assert.Equal(TsigParseError.None, TsigRecord.TryRead(notify, out var tsig));
        Assert.True(Tsig.VerifyRequest(notify, tsig!, TransferLab.Key, out _));
    }
}
