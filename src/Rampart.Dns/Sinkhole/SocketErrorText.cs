namespace Rampart.Dns.Sinkhole;

/// <summary>A socket error code for the log, without the exception's stack.</summary>
internal readonly record struct SocketErrorText(System.Net.Sockets.SocketError Error)
{
    public override string ToString() => Error.ToString();
}
