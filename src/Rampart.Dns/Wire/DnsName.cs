using System.Text;

namespace Rampart.Dns.Wire;

/// <summary>
/// Domain names in wire form (RFC 1035 §3.1, §4.1.4): reading with and without compression, every
/// bound checked, and the conversions to and from text that configuration and hit records need.
/// </summary>
public static class DnsName
{
    /// <summary>Longest name in wire form, length bytes and terminating zero included.</summary>
    public const int MaxLength = 255;

    public const int MaxLabelLength = 63;

    /// <summary>
    /// Pointers followed in one name at most. Every pointer must also point strictly before the one
    /// that led to it, so loops end anyway; the bound keeps the work per name small (127 labels at most).
    /// </summary>
    public const int MaxPointers = 127;

    /// <summary>
    /// Measures a name that must not be compressed (the question of a query). <paramref name="length"/>
    /// is its length in wire form including the terminating zero.
    /// </summary>
    public static DnsParseError MeasureUncompressed(ReadOnlySpan<byte> message, int offset, out int length)
    {
        length = 0;
        var position = offset;
        while (true)
        {
            if ((uint)position >= (uint)message.Length)
            {
                return DnsParseError.Truncated;
            }

            var labelLength = message[position];
            if (labelLength == 0)
            {
                length = position - offset + 1;
                return length > MaxLength ? DnsParseError.NameTooLong : DnsParseError.None;
            }

            switch (labelLength & 0xC0)
            {
                case 0xC0:
                    return DnsParseError.CompressedQuestion;
                case 0x40:
                case 0x80:
                    return DnsParseError.BadLabel;
            }

            position += labelLength + 1;
            if (position - offset >= MaxLength)
            {
                return DnsParseError.NameTooLong;
            }
        }
    }

    /// <summary>
    /// Reads a possibly compressed name at <paramref name="offset"/> into <paramref name="destination"/>
    /// (uncompressed wire form, at least 255 bytes). <paramref name="next"/> is the offset after the
    /// name where it sits (after its first pointer, if any).
    /// </summary>
    public static DnsParseError Read(ReadOnlySpan<byte> message, int offset, Span<byte> destination, out int written, out int next)
    {
        written = 0;
        next = -1;
        var position = offset;
        var lowestTarget = offset;
        var pointers = 0;
        while (true)
        {
            if ((uint)position >= (uint)message.Length)
            {
                return DnsParseError.Truncated;
            }

            var labelLength = message[position];
            if (labelLength == 0)
            {
                if (written + 1 > MaxLength || written + 1 > destination.Length)
                {
                    return DnsParseError.NameTooLong;
                }

                destination[written++] = 0;
                if (next < 0)
                {
                    next = position + 1;
                }

                return DnsParseError.None;
            }

            switch (labelLength & 0xC0)
            {
                case 0xC0:
                    if (position + 1 >= message.Length)
                    {
                        return DnsParseError.Truncated;
                    }

                    var target = ((labelLength & 0x3F) << 8) | message[position + 1];
                    // Strictly backwards from the earliest place visited: no loop can form.
                    if (target >= lowestTarget || ++pointers > MaxPointers)
                    {
                        return DnsParseError.BadPointer;
                    }

                    if (next < 0)
                    {
                        next = position + 2;
                    }

                    lowestTarget = target;
                    position = target;
                    continue;
                case 0x40:
                case 0x80:
                    return DnsParseError.BadLabel;
            }

            if (position + 1 + labelLength > message.Length)
            {
                return DnsParseError.Truncated;
            }

            if (written + 1 + labelLength + 1 > MaxLength || written + 1 + labelLength + 1 > destination.Length)
            {
                return DnsParseError.NameTooLong;
            }

            message.Slice(position, labelLength + 1).CopyTo(destination[written..]);
            written += labelLength + 1;
            position += labelLength + 1;
        }
    }

    /// <summary>Skips a possibly compressed name; <paramref name="next"/> is the offset after it.</summary>
    public static DnsParseError Skip(ReadOnlySpan<byte> message, int offset, out int next)
    {
        Span<byte> scratch = stackalloc byte[MaxLength];
        return Read(message, offset, scratch, out _, out next);
    }

    /// <summary>
    /// The presentation form of an uncompressed wire name, without the trailing dot ("." for the root).
    /// Bytes that are not letters, digits, '-' or '_' are escaped as \DDD and '.' and '\' as \. and \\
    /// (RFC 4343 §2.1), so an attacker's name can never forge a label boundary or a control character.
    /// </summary>
    public static string ToText(ReadOnlySpan<byte> wire)
    {
        if (wire.IsEmpty || wire[0] == 0)
        {
            return ".";
        }

        var text = new StringBuilder(wire.Length + 8);
        var position = 0;
        while (position < wire.Length && wire[position] != 0)
        {
            var labelLength = wire[position];
            if (text.Length > 0)
            {
                text.Append('.');
            }

            var end = Math.Min(position + 1 + labelLength, wire.Length);
            for (var i = position + 1; i < end; i++)
            {
                var b = wire[i];
                if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'*')
                {
                    text.Append((char)b);
                }
                else if (b is (byte)'.' or (byte)'\\')
                {
                    text.Append('\\').Append((char)b);
                }
                else
                {
                    text.Append('\\').Append((b / 100).ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Append((b / 10 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Append((b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            position = end;
        }

        return text.ToString();
    }

    /// <summary>
    /// Encodes a host name given as text ("evil.example", trailing dot optional) into lower-case wire
    /// form. Configuration only: letters, digits, '-' and '_' in labels of 1–63 bytes.
    /// </summary>
    public static bool TryEncode(string text, out byte[] wire, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        wire = [];
        var trimmed = text.EndsWith('.') ? text[..^1] : text;
        if (trimmed.Length == 0)
        {
            error = "a name is needed (the root cannot be sinkholed)";
            return false;
        }

        var labels = trimmed.Split('.');
        var buffer = new byte[trimmed.Length + 2];
        var position = 0;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength)
            {
                error = $"label '{label}' must be 1 to {MaxLabelLength} characters";
                return false;
            }

            buffer[position++] = (byte)label.Length;
            foreach (var c in label)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
                {
                    error = $"label '{label}' has '{c}'; use letters, digits, '-' (IDNs in punycode)";
                    return false;
                }

                buffer[position++] = (byte)char.ToLowerInvariant(c);
            }
        }

        buffer[position++] = 0;
        if (position > MaxLength)
        {
            error = $"longer than {MaxLength} bytes in wire form";
            return false;
        }

        wire = buffer;
        error = null;
        return true;
    }
}
