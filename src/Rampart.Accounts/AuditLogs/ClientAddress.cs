using System.Net;
using System.Net.Sockets;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Client addresses as the logs write them: bare IPv4 or IPv6, with a port (<c>1.2.3.4:63070</c>,
/// <c>[2001:db8::1]:443</c>), in brackets without a port, or with an IPv6 zone.
/// </summary>
public static class ClientAddress
{
    public static IPAddress? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var address) && IsWholeAddress(text, address))
        {
            return address;
        }

        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            var rest = close < 0 ? ReadOnlySpan<char>.Empty : text[(close + 1)..];
            if (close > 1 && (rest.IsEmpty || IsPort(rest)) && IPAddress.TryParse(text[1..close], out address))
            {
                return address;
            }

            return null;
        }

        // IPv4 with a port: exactly one colon (an IPv6 address has at least two).
        var colon = text.IndexOf(':');
        if (colon > 0 && text.LastIndexOf(':') == colon && IsPort(text[colon..])
            && IPAddress.TryParse(text[..colon], out address) && IsWholeAddress(text[..colon], address))
        {
            return address;
        }

        return null;
    }

    private static bool IsPort(ReadOnlySpan<char> colonAndPort) =>
        colonAndPort.Length is > 1 and <= 6 && colonAndPort[0] == ':' && ushort.TryParse(colonAndPort[1..], out _);

    // IPAddress.TryParse takes "1" and "1.2" as IPv4 shorthands; logs only ever write four parts.
    private static bool IsWholeAddress(ReadOnlySpan<char> text, IPAddress address) =>
        address.AddressFamily != AddressFamily.InterNetwork || text.Count('.') == 3;
}
