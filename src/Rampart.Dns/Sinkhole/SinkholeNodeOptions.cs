using Rampart.Dns.Http;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Sinkhole;

/// <summary>What one sinkhole node runs: the DNS listener, optionally the HTTP one, and the spool both write to.</summary>
public sealed record SinkholeNodeOptions
{
    public SinkholeServerOptions Dns { get; init; } = new();

    /// <summary>Null: DNS only.</summary>
    public HttpSinkholeOptions? Http { get; init; }

    public required SpoolOptions Spool { get; init; }
}
