using System.Globalization;
using System.Net;
using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Victims;

/// <summary>
/// Attributes source addresses with the imported tables: the longest organization network first;
/// the ASN (and country) from the organization row when it has one, else from the longest ASN network.
/// Built once per report or rollup from <see cref="IVictimStore.ListNetworksAsync"/>.
/// </summary>
public sealed class VictimAttributor
{
    private readonly NetworkTable<VictimNetwork> _organizations;
    private readonly NetworkTable<VictimNetwork> _asns;

    private VictimAttributor(NetworkTable<VictimNetwork> organizations, NetworkTable<VictimNetwork> asns) =>
        (_organizations, _asns) = (organizations, asns);

    public static VictimAttributor Empty { get; } = Build([]);

    public int Networks => _organizations.Count + _asns.Count;

    /// <summary>Rows whose network does not parse (the store holds only normalized ones) are left out.</summary>
    public static VictimAttributor Build(IEnumerable<StoredVictimNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var all = networks.ToList();
        return new VictimAttributor(Table(all, VictimTableKind.Organizations), Table(all, VictimTableKind.Asn));
    }

    public VictimAttribution Attribute(string sourceIp)
    {
        ArgumentNullException.ThrowIfNull(sourceIp);
        if (!IPAddress.TryParse(sourceIp, out var address))
        {
            return VictimAttribution.Unattributed;
        }

        var organization = _organizations.Find(address);
        var asn = organization?.Asn is null ? _asns.Find(address) : null;
        if (organization is null && asn is null)
        {
            return VictimAttribution.Unattributed;
        }

        return new VictimAttribution(
            organization?.Organization ?? AsName(asn!),
            organization?.Asn ?? asn?.Asn,
            organization?.Country ?? asn?.Country,
            (organization ?? asn)!.Network);
    }

    private static string? AsName(VictimNetwork asn) =>
        asn.Asn is { } number
            ? string.IsNullOrEmpty(asn.Organization) ? $"AS{number.ToString(CultureInfo.InvariantCulture)}" : $"AS{number.ToString(CultureInfo.InvariantCulture)} {asn.Organization}"
            : asn.Organization;

    private static NetworkTable<VictimNetwork> Table(List<StoredVictimNetwork> all, VictimTableKind kind) =>
        new(all
            .Where(n => n.Kind == kind && IPNetwork.TryParse(n.Network.Network, out _))
            .Select(n => (IPNetwork.Parse(n.Network.Network), n.Network)));
}
