using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Http;

/// <summary>
/// One TLS port of the HTTP sinkhole. TLS runs through <see cref="SslStream"/> on the thread pool, not the
/// epoll loops: decryption dominates its cost anyway, and the plain port stays the fast path. Requests are
/// read by the same <see cref="HttpRequestProcessor"/> as plain ones, so they are answered and recorded
/// exactly alike (each read's hits written to the spool before its answers are sent), with the TLS server
/// name (SNI) added. The name is taken from the ClientHello before the handshake goes on, so a connection
/// that named a server but made no request (its handshake failed, or the client refused the certificate
/// and closed) is still recorded, once, as <see cref="HttpHitCodec.NoRequest"/>.
/// </summary>
internal sealed class HttpsListener(HttpSinkholeServer server, int port, SslStreamCertificateContext certificate) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SslServerAuthenticationOptions _authentication = new() { ServerCertificateContext = certificate };
    private Socket? _listener;
    private Task? _accepting;
    private long _answered;

    public IPEndPoint EndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("Not started.")).LocalEndPoint!;

    public long Answered => Interlocked.Read(ref _answered);

    public void Start()
    {
        var listener = new Socket(server.Options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(server.Options.Address, port));
            listener.Listen(1024);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Stops accepting; open connections see the cancellation and close.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }
    }

    private async Task AcceptAsync()
    {
        var source = new byte[16];
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException || _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                Log.AcceptFailed(server.Logger, new SocketErrorText(ex.SocketErrorCode));
                await Task.Delay(10).ConfigureAwait(false);
                continue;
            }

            if (!server.TryOpenConnection())
            {
                client.Dispose();
                continue;
            }

            var length = SourceAddress.Read((IPEndPoint)client.RemoteEndPoint!, source, out var sourcePort);
            _ = ServeAsync(client, source[..length].ToArray(), sourcePort);
        }
    }

    private async Task ServeAsync(Socket client, byte[] source, ushort sourcePort)
    {
        client.NoDelay = true;
        string? serverName = null;
        var ssl = new SslStream(new NetworkStream(client, ownsSocket: true), leaveInnerStreamOpen: false);
        var connection = new HttpConnection(client, server.Options.MaxRequestHeadBytes + 4096, source, source.Length, sourcePort) { Tls = true };
        var processor = new HttpRequestProcessor(server.Options);
        try
        {
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                handshake.CancelAfter(server.Options.HandshakeTimeout);
                await ssl.AuthenticateAsServerAsync(
                    (_, hello, _, _) =>
                    {
                        // Read from the ClientHello before the handshake goes on, so a failure later still has it.
                        serverName = hello.ServerName;
                        connection.Sni = string.IsNullOrEmpty(serverName) ? null : Encoding.UTF8.GetBytes(serverName);
                        return ValueTask.FromResult(_authentication);
                    },
                    null,
                    handshake.Token).ConfigureAwait(false);
            }

            await ExchangeAsync(ssl, connection, processor).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Plain HTTP on the TLS port, a bad ClientHello, no shared protocol or cipher, a client that went away or
            // idled out: nothing (more) to answer.
        }
        finally
        {
            if (connection.Recorded == 0 && connection.Sni is not null)
            {
                // The client named a server but no request of it was recorded: the handshake failed, or the client
                // closed (a browser refusing the sinkhole's certificate does, after a TLS 1.3 handshake). Still a hit.
                processor.RecordNameOnly(connection, server.Zones.Current, Micros());
                Commit(processor, connection, answered: false);
            }

            await ssl.DisposeAsync().ConfigureAwait(false);
            connection.Release();
            server.Closed();
        }
    }

    /// <summary>Reads requests until the client closes, idles out, or an answer closes the connection.</summary>
    private async Task ExchangeAsync(SslStream ssl, HttpConnection connection, HttpRequestProcessor processor)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        while (true)
        {
            idle.CancelAfter(server.Options.IdleTimeout);
            if (connection.Filled == connection.Input.Length)
            {
                return; // cannot happen: a full buffer holds a whole head or is refused as too large
            }

            var read = await ssl.ReadAsync(connection.Input.AsMemory(connection.Filled), idle.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            connection.Filled += read;
            bool more;
            do
            {
                processor.Answers.Refresh(server.Time.GetUtcNow());
                more = processor.Process(connection, server.Zones.Current, Micros());
                if (!Commit(processor, connection, answered: true))
                {
                    return;
                }

                if (connection.PendingOutput > 0)
                {
                    await ssl.WriteAsync(connection.Output.AsMemory(connection.OutputStart, connection.PendingOutput), idle.Token).ConfigureAwait(false);
                    connection.OutputStart = 0;
                    connection.OutputEnd = 0;
                }
            }
            while (more && !connection.CloseAfterFlush);

            if (connection.CloseAfterFlush)
            {
                return;
            }
        }
    }

    /// <summary>Writes the batch's hits to the spool; false (nothing may be answered) when the spool refuses them.</summary>
    private bool Commit(HttpRequestProcessor processor, HttpConnection connection, bool answered)
    {
        if (processor.Batch.Count == 0)
        {
            return true;
        }

        try
        {
            server.Spool.Commit(processor.Batch);
            connection.Recorded += processor.Batch.Count;
            if (answered)
            {
                Interlocked.Add(ref _answered, processor.Batch.Count);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Log.SpoolFailed(server.Logger, ex);
            return false;
        }
        finally
        {
            processor.Batch.Clear();
        }
    }

    private long Micros() => (server.Time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
}
