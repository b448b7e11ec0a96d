namespace Rampart.Intel.Exports;

/// <summary>
/// Stable Suricata sids: derived from the rule's kind and value (FNV-1a, 64 bit) into
/// [<see cref="First"/>, <see cref="First"/> + <see cref="Span"/>), so the same indicator keeps its sid
/// across exports and an IDS's suppressions and alert history stay valid. A collision inside one
/// export takes the next free sid.
/// </summary>
public sealed class SuricataSids
{
    /// <summary>Well above the ranges Emerging Threats (2,000,000-2,999,999 and 2,800,000+) and local rules (1,000,000-1,999,999) use.</summary>
    public const uint First = 2_100_000_000;

    /// <summary>Two billion values: collisions stay rare for a few hundred thousand rules; sids are 32-bit unsigned.</summary>
    public const uint Span = 2_000_000_000;

    private readonly HashSet<uint> _used = [];

    public uint For(string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(value);
        var hash = 14695981039346656037UL;
        foreach (var c in kind + "|" + value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var sid = First + (uint)(hash % Span);
        while (!_used.Add(sid))
        {
            sid = sid + 1 >= First + Span ? First : sid + 1;
        }

        return sid;
    }
}
