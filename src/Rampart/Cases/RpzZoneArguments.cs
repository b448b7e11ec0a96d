using System.CommandLine;
using System.Net;
using Rampart.Cases.Rpz;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Markings;

namespace Rampart.Cases;

/// <summary>What an RPZ verb publishes and how the zone is written: the options <c>rpz export</c> and <c>rpz serve</c> share.</summary>
internal sealed class RpzZoneArguments
{
    private readonly Option<string[]> _cases = new("--case") { Description = "Publish this case (must be seized or sinkholed); repeatable. Default: every seized or sinkholed case" };
    private readonly Option<string?> _actor = new("--actor") { Description = "Publish the live domain indicators of this actor (any alias)" };
    private readonly Option<string?> _source = new("--source") { Description = "Publish the live domain indicators of this source" };
    private readonly Option<string> _policy = new("--policy") { Description = "local-data (answer the sinkhole addresses), nxdomain or nodata", DefaultValueFactory = _ => "local-data" };
    private readonly Option<string[]> _sinkhole = new("--sinkhole") { Description = "A sinkhole address for local-data (IPv4 or IPv6); repeatable (env RAMPART_SINKHOLE_ADDRESSES, comma-separated)" };
    private readonly Option<string> _origin = new("--origin") { Description = "The zone's name", DefaultValueFactory = _ => "rpz.rampart" };
    private readonly Option<int> _ttl = new("--ttl") { Description = "TTL of every record, seconds", DefaultValueFactory = _ => 300 };
    private readonly Option<string> _tlpMax = new("--tlp-max")
    {
        Description = "With --actor or --source: the most restricted TLP level an indicator may carry into the zone: clear|green|amber|amber+strict (RED never)",
        DefaultValueFactory = _ => TlpLevels.DefaultExportMaximum.ToWire(),
    };

    public RpzZoneArguments() => _policy.AcceptOnlyFromAmong("local-data", "nxdomain", "nodata");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _cases, _actor, _source, _policy, _sinkhole, _origin, _ttl, _tlpMax })
        {
            command.Options.Add(option);
        }
    }

    public string PolicyText(ParseResult parse) => parse.GetValue(_policy)!;

    public RpzZoneOptions ZoneOptions(ParseResult parse)
    {
        var addresses = new List<IPAddress>();
        var sinkholeTexts = (parse.GetValue(_sinkhole) ?? []).Concat(
            (Environment.GetEnvironmentVariable("RAMPART_SINKHOLE_ADDRESSES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var text in sinkholeTexts)
        {
            addresses.Add(IPAddress.TryParse(text, out var address) ? address : throw new CliException($"--sinkhole: '{text}' is not an IP address"));
        }

        var chosenPolicy = parse.GetValue(_policy) switch
        {
            "nxdomain" => RpzPolicy.Nxdomain,
            "nodata" => RpzPolicy.Nodata,
            _ => RpzPolicy.LocalData,
        };
        if (chosenPolicy == RpzPolicy.LocalData && addresses.Count == 0)
        {
            throw new CliException("local-data needs the sinkhole's addresses: pass --sinkhole IP (or set RAMPART_SINKHOLE_ADDRESSES), or choose --policy nxdomain|nodata");
        }

        return new RpzZoneOptions { Origin = parse.GetValue(_origin)!, Policy = chosenPolicy, SinkholeAddresses = addresses, Ttl = parse.GetValue(_ttl) };
    }

    public async Task<RpzSelection> SelectionAsync(ParseResult parse, LocalStore store, CancellationToken cancellationToken)
    {
        string? actorId = null;
        if (parse.GetValue(_actor) is { } actorName)
        {
            var found = await store.Get<IActorStore>().FindByNameAsync(actorName, cancellationToken);
            actorId = found.Count == 1 ? found[0].Id : throw new CliException(found.Count == 0 ? $"no actor is named '{actorName}'" : $"'{actorName}' names {found.Count} actors");
        }

        if (!TlpCeilings.TryParse(parse.GetValue(_tlpMax), out var maximum, out var error))
        {
            throw new CliException($"--tlp-max: {error}");
        }

        var named = parse.GetValue(_cases) ?? [];
        var indicators = actorId is not null || parse.GetValue(_source) is not null;
        return new RpzSelection(named, AllPublishableCases: named.Length == 0 && !indicators, actorId, parse.GetValue(_source), IndicatorTlpMax: maximum.Value);
    }
}
