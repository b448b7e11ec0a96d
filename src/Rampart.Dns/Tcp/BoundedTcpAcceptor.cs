using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Tcp;

/// <summary>
/// The TCP accept loop every DNS listener shares (the sinkhole, the zone transfer listener): accepts
/// until cancelled or the listener is closed, keeps at most <paramref name="maxConnections"/> open
/// (one more is closed at once, and logged: a flood of idle connections must not exhaust the
/// process), hands each connection to <paramref name="serve"/>, and disposes it when that returns.
/// </summary>
internal sealed class BoundedTcpAcceptor(Socket listener, int maxConnections, Func<Socket, CancellationToken, Task> serve, string name, ILogger logger)
{
    private int _open;

    /// <summary>Connections being served now.</summary>
    public int Open => Volatile.Read(ref _open);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException || (ex is SocketException && cancellationToken.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                // The peer gave up between SYN and accept (ECONNABORTED); the next one is fine.
                continue;
            }

            if (Interlocked.Increment(ref _open) > maxConnections)
            {
                Interlocked.Decrement(ref _open);
                Log.TooManyConnections(logger, name, maxConnections);
                client.Dispose();
                continue;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        try
        {
            await serve(client, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            client.Dispose();
        }
    }
}
