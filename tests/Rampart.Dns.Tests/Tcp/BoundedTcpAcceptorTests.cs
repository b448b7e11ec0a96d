using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Tcp;

namespace Rampart.Dns.Tests.Tcp;

/// <summary>The one TCP accept loop of the DNS listeners: a cap on open connections, each connection closed once served.</summary>
public sealed class BoundedTcpAcceptorTests
{
    [Fact]
    public async Task A_connection_past_the_limit_is_closed_at_once_and_one_served_to_its_end_frees_its_place()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var release = new TaskCompletionSource();
        var served = 0;
        var acceptor = new BoundedTcpAcceptor(listener, 2, async (client, token) =>
        {
            Interlocked.Increment(ref served);
            await release.Task.WaitAsync(token);
        }, "test", NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = acceptor.RunAsync(stop.Token);

        using var first = await ConnectAsync(listener);
        using var second = await ConnectAsync(listener);
        while (Volatile.Read(ref served) < 2)
        {
            await Task.Delay(10, ct);
        }

        using var third = await ConnectAsync(listener);
        Assert.Equal(0, await third.ReceiveAsync(new byte[1], SocketFlags.None, ct)); // closed by the acceptor
        Assert.Equal(2, acceptor.Open);

        release.SetResult();
        Assert.Equal(0, await first.ReceiveAsync(new byte[1], SocketFlags.None, ct)); // served, then closed
        Assert.Equal(0, await second.ReceiveAsync(new byte[1], SocketFlags.None, ct));
        while (acceptor.Open > 0)
        {
            await Task.Delay(10, ct);
        }

        using var fourth = await ConnectAsync(listener);
        while (Volatile.Read(ref served) < 3)
        {
            await Task.Delay(10, ct);
        }

        await stop.CancelAsync();
        await running;
    }

    private static async Task<Socket> ConnectAsync(Socket listener)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);
        return client;
    }
}
