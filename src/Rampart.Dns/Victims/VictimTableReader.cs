using System.Globalization;
using Rampart.Core.Indicators;
using Rampart.Core.Sinkhole;
using Rampart.Core.Text;

namespace Rampart.Dns.Victims;

/// <summary>
/// Reads network tables from CSV. With a header line, columns are found by name, so the common shapes
/// read as they are: <c>network,organization</c>; <c>cidr,org,asn,country</c>; MaxMind's
/// <c>network,autonomous_system_number,autonomous_system_organization</c>; Team Cymru's
/// <c>bgp_prefix,as,cc,as_name</c>. Without one (the first field is a network), the columns are
/// network, organization, ASN, country for an organizations table and network, ASN, AS name, country
/// for an ASN table. A bare address is its /32 or /128. Bad rows are skipped, each reported with its
/// line and field; blank lines and lines starting with # are ignored. Never throws on content.
/// </summary>
public static class VictimTableReader
{
    /// <summary>Longer organization names are refused: a table row, not a document.</summary>
    public const int MaxOrganizationLength = 256;

    private static readonly string[] NetworkNames = ["network", "cidr", "prefix", "subnet", "bgp_prefix", "bgp prefix", "net", "ip_network", "netblock", "ip"];
    private static readonly string[] OrganizationNames = ["organization", "organisation", "org", "org_name", "organization_name", "name", "owner", "holder", "as_name", "as name", "autonomous_system_organization", "description"];
    private static readonly string[] AsnNames = ["asn", "as", "as_number", "autonomous_system_number", "origin_as", "origin"];
    private static readonly string[] CountryNames = ["country", "cc", "country_code", "country_iso_code", "geo", "src_geo"];

    public static VictimTable Read(TextReader text, VictimTableKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var csv = new CsvReader(text);
        var networks = new List<VictimNetwork>();
        var problems = new List<VictimTableProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        Columns? columns = null;
        while (csv.TryRead(out var record, out var error))
        {
            if (error is not null)
            {
                problems.Add(new VictimTableProblem(record.Line, "record", error));
                continue;
            }

            var fields = record.Fields;
            if (fields.Count == 0 || (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0])) || fields[0].TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (columns is null)
            {
                if (TryNetwork(fields[0].Trim(), out _, out _))
                {
                    columns = Columns.Positional(kind);
                }
                else
                {
                    columns = Columns.FromHeader(fields);
                    if (columns.Problem(kind) is { } missing)
                    {
                        problems.Add(new VictimTableProblem(record.Line, "header", missing));
                        return new VictimTable(kind, [], problems);
                    }

                    continue;
                }
            }

            if (TryRow(fields, columns, kind, out var network, out var problem))
            {
                if (seen.TryGetValue(network.Network, out var first))
                {
                    problems.Add(new VictimTableProblem(record.Line, "network", $"{network.Network} is already on line {first}; this row is skipped"));
                    continue;
                }

                seen[network.Network] = record.Line;
                networks.Add(network);
            }
            else
            {
                problems.Add(problem with { Line = record.Line });
            }
        }

        return new VictimTable(kind, networks, problems);
    }

    private static bool TryRow(IReadOnlyList<string> fields, Columns columns, VictimTableKind kind, out VictimNetwork network, out VictimTableProblem problem)
    {
        network = null!;
        problem = null!;
        string? Field(int index) => index >= 0 && index < fields.Count && fields[index].Trim() is { Length: > 0 } value ? value : null;

        var networkText = Field(columns.Network);
        if (networkText is null)
        {
            problem = new VictimTableProblem(0, "network", "missing");
            return false;
        }

        if (!TryNetwork(networkText, out var normalized, out var networkError))
        {
            problem = new VictimTableProblem(0, "network", networkError);
            return false;
        }

        long? asn = null;
        if (Field(columns.Asn) is { } asnText)
        {
            if (!TryAsn(asnText, out var number))
            {
                problem = new VictimTableProblem(0, "asn", $"'{Shorten(asnText)}' is not an AS number (64500 or AS64500)");
                return false;
            }

            asn = number;
        }
        else if (kind == VictimTableKind.Asn)
        {
            problem = new VictimTableProblem(0, "asn", "missing");
            return false;
        }

        var organization = Field(columns.Organization);
        if (organization is null && kind == VictimTableKind.Organizations)
        {
            problem = new VictimTableProblem(0, "organization", "missing");
            return false;
        }

        if (organization is { Length: > MaxOrganizationLength })
        {
            problem = new VictimTableProblem(0, "organization", $"longer than {MaxOrganizationLength} characters");
            return false;
        }

        var country = Field(columns.Country);
        if (country is not null && !(country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])))
        {
            problem = new VictimTableProblem(0, "country", $"'{Shorten(country)}' is not a two-letter country code");
            return false;
        }

        network = new VictimNetwork(normalized, organization, asn, country?.ToUpperInvariant());
        return true;
    }

    /// <summary>A CIDR network (host bits clear) or a bare address, normalized as indicators are.</summary>
    private static bool TryNetwork(string text, out string normalized, out string error)
    {
        normalized = "";
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (IndicatorValueParser.TryParse(text, IndicatorType.Cidr, out var cidrError, out var cidr))
            {
                normalized = cidr.Normalized;
                error = "";
                return true;
            }

            error = cidrError;
            return false;
        }

        foreach (var type in (ReadOnlySpan<IndicatorType>)[IndicatorType.Ipv4, IndicatorType.Ipv6])
        {
            if (IndicatorValueParser.TryParse(text, type, out _, out var address))
            {
                normalized = address.Normalized + (type == IndicatorType.Ipv4 ? "/32" : "/128");
                error = "";
                return true;
            }
        }

        error = $"'{Shorten(text)}' is not a network (192.0.2.0/24, 2001:db8::/32) or an address";
        return false;
    }

    private static bool TryAsn(string text, out long number)
    {
        var digits = text.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text.AsSpan();
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= uint.MaxValue;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private sealed record Columns(int Network, int Organization, int Asn, int Country)
    {
        public static Columns Positional(VictimTableKind kind) => kind switch
        {
            VictimTableKind.Organizations => new Columns(0, 1, 2, 3),
            VictimTableKind.Asn => new Columns(0, 2, 1, 3),
        };

        public static Columns FromHeader(IReadOnlyList<string> header)
        {
            int Find(string[] names)
            {
                for (var i = 0; i < header.Count; i++)
                {
                    if (names.Contains(header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant()))
                    {
                        return i;
                    }
                }

                return -1;
            }

            return new Columns(Find(NetworkNames), Find(OrganizationNames), Find(AsnNames), Find(CountryNames));
        }

        public string? Problem(VictimTableKind kind) =>
            Network < 0 ? $"no network column (one of: {string.Join(", ", NetworkNames)})"
            : kind == VictimTableKind.Organizations && Organization < 0 ? $"no organization column (one of: {string.Join(", ", OrganizationNames)})"
            : kind == VictimTableKind.Asn && Asn < 0 ? $"no ASN column (one of: {string.Join(", ", AsnNames)})"
            : null;
    }
}
