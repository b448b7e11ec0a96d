using System.Globalization;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Exports;

/// <summary>
/// Writes indicators in the syntax each tool documents, streaming. Each format takes the types its
/// tool can act on (names for resolvers, addresses for firewalls, all for Zeek) and leaves the rest
/// out, counted in <see cref="BlockingExportResult.Skipped"/>. A URL blocks its host in the DNS
/// formats only when asked: blocking a whole host for one bad path is a decision, not a default.
/// </summary>
public static class BlockingExportWriter
{
    public static async Task<BlockingExportResult> WriteAsync(
        IAsyncEnumerable<Indicator> indicators, BlockingFormat format, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(writer);
        var sids = new SuricataSids();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int written = 0, skipped = 0;
        await writer.WriteLineAsync(Header(format).AsMemory(), cancellationToken);
        await foreach (var indicator in indicators.WithCancellation(cancellationToken))
        {
            var lines = Lines(format, indicator, sids);
            if (lines.Count == 0)
            {
                skipped++;
                continue;
            }

            // Two sources listing one value give one entry: resolvers refuse some duplicates (unbound).
            if (!seen.Add(indicator.Type.ToWire() + " " + indicator.NormalizedValue))
            {
                continue;
            }

            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            written++;
        }

        await writer.FlushAsync(cancellationToken);
        return new BlockingExportResult(written, skipped);
    }

    private static string Header(BlockingFormat format) => format switch
    {
        BlockingFormat.Suricata => "# Rampart blocking rules for Suricata: DNS query, TLS SNI and HTTP host per listed name (sids are stable)",
        BlockingFormat.Zeek => "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc",
        BlockingFormat.Hosts => "# Rampart blocking list: hosts file",
        BlockingFormat.Dnsmasq => "# Rampart blocking list: dnsmasq (each name and its subdomains answer 0.0.0.0 / ::)",
        BlockingFormat.Unbound => "# Rampart blocking list: unbound local zones (each name and its subdomains answer NXDOMAIN)\nserver:",
        BlockingFormat.Ip => "# Rampart blocking list: IP addresses and networks",
    };

    private static List<string> Lines(BlockingFormat format, Indicator indicator, SuricataSids sids)
    {
        var value = indicator.NormalizedValue;
        var isName = indicator.Type == IndicatorType.Domain;
        return format switch
        {
            BlockingFormat.Hosts when isName => [$"0.0.0.0 {value}"],
            BlockingFormat.Dnsmasq when isName => [$"address=/{value}/0.0.0.0", $"address=/{value}/::"],
            BlockingFormat.Unbound when isName => [$"    local-zone: \"{value}.\" always_nxdomain"],
            BlockingFormat.Ip when indicator.Type is IndicatorType.Ipv4 or IndicatorType.Ipv6 or IndicatorType.Cidr => [value],
            BlockingFormat.Suricata when isName => SuricataRules(indicator, sids),
            BlockingFormat.Zeek when ZeekType(indicator) is { } zeekType => [ZeekLine(indicator, zeekType)],
            _ => [],
        };
    }

    /// <summary>
    /// One rule per protocol, matching the name and its subdomains the way the Suricata manual shows
    /// (<c>dotprefix; content:".name"; endswith;</c>). http.host is normalized to lower case, so it takes no nocase.
    /// </summary>
    private static List<string> SuricataRules(Indicator indicator, SuricataSids sids)
    {
        var name = indicator.NormalizedValue;
        var msg = $"Rampart {Escape(indicator.Source)} {name}";
        return
        [
            Rule("dns", "dns.query; dotprefix; content:\"." + name + "\"; nocase; endswith;", msg + " (DNS query)", sids.For("dns", name)),
            Rule("tls", "tls.sni; dotprefix; content:\"." + name + "\"; nocase; endswith;", msg + " (TLS SNI)", sids.For("tls", name)),
            Rule("http", "http.host; dotprefix; content:\"." + name + "\"; endswith;", msg + " (HTTP host)", sids.For("http", name)),
        ];
    }

    private static string Rule(string protocol, string match, string msg, uint sid) =>
        string.Create(CultureInfo.InvariantCulture, $"alert {protocol} any any -> any any (msg:\"{msg}\"; {match} classtype:trojan-activity; sid:{sid}; rev:1;)");

    /// <summary>Characters that end or break a rule option; a source name is free text.</summary>
    private static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ';' or '"' or '\\' or ':' or '|' or '(' or ')' || char.IsControl(c))
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Zeek Intel framework types (base/frameworks/intel/main.zeek); URLs go without their scheme, as Zeek matches them.</summary>
    private static string? ZeekType(Indicator indicator) => indicator.Type switch
    {
        IndicatorType.Domain => "Intel::DOMAIN",
        IndicatorType.Ipv4 or IndicatorType.Ipv6 => "Intel::ADDR",
        IndicatorType.Cidr => "Intel::SUBNET",
        IndicatorType.Url => "Intel::URL",
        IndicatorType.Email => "Intel::EMAIL",
        IndicatorType.Md5 or IndicatorType.Sha1 or IndicatorType.Sha256 => "Intel::FILE_HASH",
        _ => null,
    };

    private static string ZeekLine(Indicator indicator, string zeekType)
    {
        var value = indicator.NormalizedValue;
        if (indicator.Type == IndicatorType.Url)
        {
            value = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }

        var source = ZeekField(indicator.Source);
        var description = indicator.ActorId is null ? "-" : ZeekField("actor " + indicator.ActorId);
        return $"{ZeekField(value)}\t{zeekType}\t{source}\t{description}";
    }

    /// <summary>Zeek's input framework splits on tabs and reads an empty field as unset: neither may appear inside a value.</summary>
    private static string ZeekField(string text) => text.Length == 0 ? "-" : text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
