using System.Net;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// The <c>cidr</c> modifier: the value is an IPv4 or IPv6 address inside one of the networks. An
/// IPv4 value is parsed without allocating; IPv6 goes through <see cref="IPAddress"/>.
/// </summary>
internal sealed class CidrMatcher(IPNetwork[] networks) : ValueMatcher
{
    private readonly (uint Address, uint Mask)[] _v4 = [.. networks.Where(n => n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        .Select(n => (ToUInt(n.BaseAddress), n.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - n.PrefixLength)))];

    private readonly IPNetwork[] _v6 = [.. networks.Where(n => n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)];

    public override bool Matches(ReadOnlySpan<char> text)
    {
        if (TryParseV4(text, out var v4))
        {
            foreach (var (address, mask) in _v4)
            {
                if ((v4 & mask) == address)
                {
                    return true;
                }
            }

            return false;
        }

        if (_v6.Length == 0 || text.IndexOf(':') < 0 || !IPAddress.TryParse(text, out var ip))
        {
            return false;
        }

        foreach (var network in _v6)
        {
            if (network.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }

    private static uint ToUInt(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var i = 0;
        while (octets < 4)
        {
            var value = 0;
            var digits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && digits < 3)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
                digits++;
            }

            if (digits == 0 || value > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == text.Length;
    }
}
