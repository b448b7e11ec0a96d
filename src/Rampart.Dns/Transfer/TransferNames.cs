using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>Names of zone records from presentation text: host-name labels, plus a whole-label '*' (RPZ triggers, RFC 4592 wildcards).</summary>
public static class TransferNames
{
    /// <summary>"*.evil.example.rpz.rampart." → wire form, lower case; "." is the root.</summary>
    public static bool TryEncode(string text, out byte[] wire, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text is "." or "")
        {
            wire = [0];
            error = null;
            return true;
        }

        if (text.StartsWith("*.", StringComparison.Ordinal))
        {
            if (!DnsName.TryEncode(text[2..], out var rest, out error))
            {
                wire = [];
                return false;
            }

            wire = [1, (byte)'*', .. rest];
            if (wire.Length > DnsName.MaxLength)
            {
                error = $"longer than {DnsName.MaxLength} bytes in wire form";
                wire = [];
                return false;
            }

            return true;
        }

        return DnsName.TryEncode(text, out wire, out error);
    }
}
