using System.Globalization;
using System.Net;
using Rampart.Dns.Transfer;

namespace Rampart.Cases.Rpz;

/// <summary>
/// The RPZ transfer listener as configured (section <c>Rpz:Transfer</c> of <c>rampart serve</c>, or
/// the flags of <c>rampart rpz serve</c>): plain values, turned into listener and zone options with
/// every problem reported at once. TSIG keys come from key files in BIND's form (<c>tsig-keygen</c>),
/// so the secret sits in one file the operator protects and never in the configuration or a log.
/// </summary>
public sealed class RpzTransferSettings
{
    /// <summary>Off unless asked for: <c>serve</c> binds nothing extra by default.</summary>
    public bool Enabled { get; set; }

    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = ZoneTransferOptions.DefaultPort;

    /// <summary>Key files (BIND <c>key</c> statements); every key in them is accepted.</summary>
    public IList<string> KeyFiles { get; } = [];

    /// <summary>Leave on: an unsigned transfer hands the list of seized domains to anyone who asks.</summary>
    public bool RequireTsig { get; set; } = true;

    /// <summary>Networks (CIDR or single addresses) allowed to ask; empty allows any.</summary>
    public IList<string> AllowFrom { get; } = [];

    /// <summary>Secondaries to NOTIFY (<c>address:port</c>), signed with the first key.</summary>
    public IList<string> Notify { get; } = [];

    public string Origin { get; set; } = "rpz.rampart";

    /// <summary><c>local-data</c>, <c>nxdomain</c> or <c>nodata</c>.</summary>
    public string Policy { get; set; } = "local-data";

    public IList<string> SinkholeAddresses { get; } = [];

    public int Ttl { get; set; } = 300;

    /// <summary>The listener's options; <paramref name="problems"/> lists every bad value (with file:line for key files).</summary>
    public ZoneTransferOptions ToTransferOptions(out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(Address, out var address))
        {
            errors.Add($"Address: '{Address}' is not an IP address");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Port: {Port} is not a port (0 picks a free one)"));
        }

        var keys = new List<TsigKey>();
        foreach (var file in KeyFiles)
        {
            keys.AddRange(TsigKeyFile.Read(file, out var keyErrors));
            errors.AddRange(keyErrors.Select(e => e.ToString()));
        }

        if (RequireTsig && keys.Count == 0 && errors.Count == 0)
        {
            errors.Add("KeyFiles: TSIG is required and no key file is given (make one with: tsig-keygen -a hmac-sha256 rampart-xfr > rampart-xfr.key), or set RequireTsig false");
        }

        var allow = new List<IPNetwork>();
        foreach (var text in AllowFrom)
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                allow.Add(network);
            }
            else if (IPAddress.TryParse(text, out var single))
            {
                allow.Add(new IPNetwork(single, single.GetAddressBytes().Length * 8));
            }
            else
            {
                errors.Add($"AllowFrom: '{text}' is neither a network (192.0.2.0/24) nor an address");
            }
        }

        var notify = new List<NotifyTarget>();
        foreach (var text in Notify)
        {
            if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port != 0)
            {
                notify.Add(new NotifyTarget(endPoint, keys.FirstOrDefault()?.Name));
            }
            else
            {
                errors.Add($"Notify: '{text}' is not address:port");
            }
        }

        problems = errors;
        return new ZoneTransferOptions
        {
            Address = address ?? IPAddress.Loopback,
            Port = Port,
            RequireTsig = RequireTsig,
            Keys = keys,
            AllowFrom = allow,
            Notify = notify,
        };
    }

    /// <summary>How the served zone is written; problems as for <see cref="ToTransferOptions"/>.</summary>
    public RpzZoneOptions ToZoneOptions(out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (var text in SinkholeAddresses)
        {
            if (IPAddress.TryParse(text, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                errors.Add($"SinkholeAddresses: '{text}' is not an IP address");
            }
        }

        RpzPolicy? policy = Policy switch
        {
            "local-data" => RpzPolicy.LocalData,
            "nxdomain" => RpzPolicy.Nxdomain,
            "nodata" => RpzPolicy.Nodata,
            _ => null,
        };
        if (policy is null)
        {
            errors.Add($"Policy: '{Policy}' is not local-data, nxdomain or nodata");
        }
        else if (policy == RpzPolicy.LocalData && addresses.Count == 0 && errors.Count == 0)
        {
            errors.Add("SinkholeAddresses: local-data needs the sinkhole's addresses (or Policy nxdomain|nodata)");
        }

        problems = errors;
        return new RpzZoneOptions { Origin = Origin, Policy = policy ?? RpzPolicy.Nxdomain, SinkholeAddresses = addresses, Ttl = Ttl };
    }
}
