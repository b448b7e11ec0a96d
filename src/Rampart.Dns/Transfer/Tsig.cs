using System.Buffers.Binary;
using System.Security.Cryptography;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// TSIG MACs (RFC 8945 §4.3) and records. Only HMAC-SHA256. What a MAC covers:
/// a request: the message without its TSIG (ARCOUNT one less, original id) then the TSIG variables;
/// a response: the request's MAC (2-byte length first), the message, the variables; each further
/// message of a TCP transfer: the prior MAC, the message, only the timers (time signed, fudge).
/// </summary>
public static class Tsig
{
    /// <summary>HMAC-SHA256's output: the only MAC length accepted without truncation.</summary>
    public const int MacLength = 32;

    /// <summary>Shortest truncated MAC read as such (RFC 8945 §5.2.2.1: half the hash); shorter is FORMERR.</summary>
    public const int MinMacLength = 16;

    /// <summary>Seconds of clock difference allowed by default (RFC 8945 §10: 300 recommended).</summary>
    public const ushort DefaultFudge = 300;

    private static readonly byte[] AlgorithmWire = [11, (byte)'h', (byte)'m', (byte)'a', (byte)'c', (byte)'-', (byte)'s', (byte)'h', (byte)'a', (byte)'2', (byte)'5', (byte)'6', 0];

    /// <summary>Seconds since 1970 as TSIG counts them (48 bits).</summary>
    public static long Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToUnixTimeSeconds();
    }

    /// <summary>True when the request's MAC is the one <paramref name="key"/> gives (compared in constant time, the whole MAC).</summary>
    public static bool VerifyRequest(ReadOnlySpan<byte> message, TsigRecord tsig, TsigKey key, out byte[] expected)
    {
        ArgumentNullException.ThrowIfNull(tsig);
        ArgumentNullException.ThrowIfNull(key);
        expected = RequestMac(message[..tsig.Offset], tsig, key);
        return tsig.Mac.Length == MacLength && CryptographicOperations.FixedTimeEquals(expected, tsig.Mac);
    }

    /// <summary>The MAC a request without its TSIG deserves under the TSIG's own variables.</summary>
    public static byte[] RequestMac(ReadOnlySpan<byte> withoutTsig, TsigRecord tsig, TsigKey key)
    {
        ArgumentNullException.ThrowIfNull(tsig);
        ArgumentNullException.ThrowIfNull(key);
        var data = new List<byte>(withoutTsig.Length + 64);
        AppendWithoutTsig(data, withoutTsig, tsig.OriginalId);
        AppendVariables(data, key, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData);
        return key.Mac(data.ToArray());
    }

    /// <summary>
    /// Appends a TSIG record to <paramref name="message"/> (which has none yet) and returns the signed
    /// message. <paramref name="priorMac"/> is the request's MAC for a first response, the previous
    /// message's for later ones (<paramref name="timersOnly"/>), empty for a request.
    /// </summary>
    public static byte[] Sign(ReadOnlySpan<byte> message, TsigKey key, ReadOnlySpan<byte> priorMac, bool timersOnly, long timeSigned, ushort fudge, TsigError error, ReadOnlySpan<byte> otherData, out byte[] mac)
    {
        ArgumentNullException.ThrowIfNull(key);
        var data = new List<byte>(message.Length + priorMac.Length + 64);
        if (!priorMac.IsEmpty)
        {
            AppendUInt16(data, (ushort)priorMac.Length);
            data.AddRange(priorMac);
        }

        data.AddRange(message);
        if (timersOnly)
        {
            AppendTimers(data, timeSigned, fudge);
        }
        else
        {
            AppendVariables(data, key, timeSigned, fudge, error, otherData);
        }

        mac = key.Mac(data.ToArray());
        return Append(message, key.NameWire, timeSigned, fudge, mac, error, otherData);
    }

    /// <summary>A TSIG record with no MAC (RFC 8945 §5.3.2: BADKEY and BADSIG answers are not signed), named as the request named its key.</summary>
    public static byte[] AppendUnsigned(ReadOnlySpan<byte> message, byte[] keyNameWire, long timeSigned, ushort fudge, TsigError error)
    {
        ArgumentNullException.ThrowIfNull(keyNameWire);
        return Append(message, keyNameWire, timeSigned, fudge, [], error, []);
    }

    private static byte[] Append(ReadOnlySpan<byte> message, byte[] keyNameWire, long timeSigned, ushort fudge, byte[] mac, TsigError error, ReadOnlySpan<byte> otherData)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var signed = new byte[message.Length + keyNameWire.Length + 10 + AlgorithmWire.Length + 16 + mac.Length + otherData.Length];
        message.CopyTo(signed);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(10), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(message[10..]) + 1));
        var at = message.Length;
        keyNameWire.CopyTo(signed, at);
        at += keyNameWire.Length;
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at), DnsType.Tsig);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 2), DnsClass.Any);
        BinaryPrimitives.WriteUInt32BigEndian(signed.AsSpan(at + 4), 0);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 8), (ushort)(AlgorithmWire.Length + 16 + mac.Length + otherData.Length));
        at += 10;
        AlgorithmWire.CopyTo(signed, at);
        at += AlgorithmWire.Length;
        WriteUInt48(signed.AsSpan(at), timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 6), fudge);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 8), (ushort)mac.Length);
        mac.CopyTo(signed, at + 10);
        at += 10 + mac.Length;
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at), id);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 2), (ushort)error);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(at + 4), (ushort)otherData.Length);
        otherData.CopyTo(signed.AsSpan(at + 6));
        return signed;
    }

    /// <summary>The 6-byte time a BADTIME answer carries in its other data: the server's clock.</summary>
    public static byte[] TimeOtherData(long now)
    {
        var other = new byte[6];
        WriteUInt48(other, now);
        return other;
    }

    private static void AppendWithoutTsig(List<byte> data, ReadOnlySpan<byte> message, ushort originalId)
    {
        var start = data.Count;
        data.AddRange(message);
        // Original id and ARCOUNT less the TSIG record (RFC 8945 §4.3.1).
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data)[start..];
        BinaryPrimitives.WriteUInt16BigEndian(span, originalId);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(span[10..]) - 1));
    }

    private static void AppendVariables(List<byte> data, TsigKey key, long timeSigned, ushort fudge, TsigError error, ReadOnlySpan<byte> otherData)
    {
        data.AddRange(key.NameWire);
        AppendUInt16(data, DnsClass.Any);
        AppendUInt16(data, 0);
        AppendUInt16(data, 0);
        data.AddRange(AlgorithmWire);
        AppendTimers(data, timeSigned, fudge);
        AppendUInt16(data, (ushort)error);
        AppendUInt16(data, (ushort)otherData.Length);
        data.AddRange(otherData);
    }

    private static void AppendTimers(List<byte> data, long timeSigned, ushort fudge)
    {
        Span<byte> timers = stackalloc byte[8];
        WriteUInt48(timers, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(timers[6..], fudge);
        data.AddRange(timers);
    }

    private static void AppendUInt16(List<byte> data, ushort value)
    {
        data.Add((byte)(value >> 8));
        data.Add((byte)value);
    }

    private static void WriteUInt48(Span<byte> destination, long value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)value);
    }
}
