using System.Collections.Frozen;
using System.Net.Sockets;
using System.Text;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// An immutable, compiled set of sinkholed zones. Lookups take the question name in wire form and
/// allocate nothing: the name is lower-cased into a stack buffer and each suffix at a label boundary,
/// longest first, is looked up through a span-keyed view of a frozen dictionary.
/// </summary>
public sealed class SinkholeZoneSet
{
    public static readonly SinkholeZoneSet Empty = Create([], SinkholeZoneSettings.Default, out _);

    private readonly FrozenDictionary<string, CompiledZone> _zones;
    private readonly FrozenDictionary<string, CompiledZone>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SinkholeZoneSet(FrozenDictionary<string, CompiledZone> zones, SinkholeZoneSettings settings, SoaData soa, byte[][] nameServers)
    {
        _zones = zones;
        _lookup = zones.GetAlternateLookup<ReadOnlySpan<char>>();
        Settings = settings;
        Soa = soa;
        NameServers = nameServers;
    }

    public SinkholeZoneSettings Settings { get; }

    public int Count => _zones.Count;

    public IEnumerable<string> Apexes => _zones.Keys;

    internal SoaData Soa { get; }

    internal byte[][] NameServers { get; }

    /// <summary>
    /// Compiles zones; problems (a bad apex, a zone with no address) are returned, not thrown, and
    /// the zones with problems are left out.
    /// </summary>
    public static SinkholeZoneSet Create(IEnumerable<SinkholeZone> zones, SinkholeZoneSettings settings, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<string>();
        var nameServers = new List<byte[]>();
        foreach (var ns in settings.NameServers)
        {
            if (DnsName.TryEncode(ns, out var wire, out var error))
            {
                nameServers.Add(wire);
            }
            else
            {
                found.Add($"nameServers: '{ns}': {error}");
            }
        }

        if (nameServers.Count == 0)
        {
            found.Add("nameServers: at least one name server is needed");
            DnsName.TryEncode("ns1.sinkhole.invalid", out var fallback, out _);
            nameServers.Add(fallback);
        }

        if (!DnsName.TryEncode(settings.Hostmaster, out var mailbox, out var mailboxError))
        {
            found.Add($"hostmaster: '{settings.Hostmaster}': {mailboxError}");
            DnsName.TryEncode("hostmaster.sinkhole.invalid", out mailbox, out _);
        }

        var compiled = new Dictionary<string, CompiledZone>(StringComparer.Ordinal);
        var index = 0;
        foreach (var zone in zones)
        {
            var where = $"zones[{index++}]";
            if (!DnsName.TryEncode(zone.Apex ?? "", out var apexWire, out var apexError))
            {
                found.Add($"{where}.apex: '{zone.Apex}': {apexError}");
                continue;
            }

            var apex = DnsName.ToText(apexWire);
            var addresses = zone.Addresses is { Count: > 0 } ? zone.Addresses : settings.Addresses;
            var v4 = addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).SelectMany(a => a.GetAddressBytes()).ToArray();
            var v6 = addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).SelectMany(a => a.GetAddressBytes()).ToArray();
            if (v4.Length == 0 && v6.Length == 0)
            {
                found.Add($"{where}: '{apex}' has no sinkhole address (give addresses to the zone or the set)");
                continue;
            }

            var caseBytes = Encoding.UTF8.GetBytes(zone.CaseId ?? "");
            if (caseBytes.Length > byte.MaxValue)
            {
                found.Add($"{where}.case: longer than {byte.MaxValue} bytes");
                continue;
            }

            if (!compiled.TryAdd(apex, new CompiledZone(apex, zone.CaseId, caseBytes, v4, v6)))
            {
                found.Add($"{where}.apex: '{apex}' is listed twice");
            }
        }

        problems = found;
        var soa = new SoaData(nameServers[0], mailbox, settings.Serial, Refresh: 3600, Retry: 600, Expire: 1_209_600, Minimum: settings.Ttl);
        return new SinkholeZoneSet(compiled.ToFrozenDictionary(StringComparer.Ordinal), settings, soa, [.. nameServers]);
    }

    /// <summary>The zone for an apex in text form, for tests and tools.</summary>
    public bool Contains(string apex) => _zones.ContainsKey(apex);

    /// <summary>
    /// The deepest zone holding a host name in text form (an HTTP Host without its port), any case;
    /// null for names longer than a DNS name can be or with bytes no zone holds.
    /// </summary>
    internal CompiledZone? FindHost(ReadOnlySpan<byte> host)
    {
        if (_zones.Count == 0 || host.IsEmpty || host.Length > DnsName.MaxLength)
        {
            return null;
        }

        Span<char> text = stackalloc char[DnsName.MaxLength];
        for (var i = 0; i < host.Length; i++)
        {
            var b = host[i];
            text[i] = b switch
            {
                >= (byte)'A' and <= (byte)'Z' => (char)(b | 0x20),
                >= 0x80 or 0 => '\0',
                _ => (char)b,
            };
        }

        var name = text[..host.Length];
        while (true)
        {
            if (_lookup.TryGetValue(name, out var zone))
            {
                return zone;
            }

            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            name = name[(dot + 1)..];
        }
    }

    /// <summary>
    /// The deepest zone holding <paramref name="name"/> (uncompressed wire form, already bounds-checked)
    /// and the offset of its apex within the name.
    /// </summary>
    internal CompiledZone? Find(ReadOnlySpan<byte> name, out int apexOffset)
    {
        apexOffset = 0;
        if (_zones.Count == 0)
        {
            return null;
        }

        Span<char> text = stackalloc char[DnsName.MaxLength];
        Span<byte> labelStarts = stackalloc byte[128];
        Span<short> textStarts = stackalloc short[128];
        var labels = 0;
        var length = 0;
        var position = 0;
        while (position < name.Length && name[position] != 0 && labels < 128)
        {
            var labelLength = name[position];
            if (length > 0)
            {
                text[length++] = '.';
            }

            labelStarts[labels] = (byte)position;
            textStarts[labels] = (short)length;
            labels++;

            for (var i = position + 1; i <= position + labelLength; i++)
            {
                var b = name[i];
                // A '.' inside a label must never fake a boundary; no zone holds '\0'.
                text[length++] = b switch
                {
                    >= (byte)'A' and <= (byte)'Z' => (char)(b | 0x20),
                    (byte)'.' or >= 0x80 => '\0',
                    _ => (char)b,
                };
            }

            position += labelLength + 1;
        }

        for (var label = 0; label < labels; label++)
        {
            if (_lookup.TryGetValue(text[textStarts[label]..length], out var zone))
            {
                apexOffset = labelStarts[label];
                return zone;
            }
        }

        return null;
    }
}
