namespace Rampart.Server.Taxii;

/// <summary>The TAXII server's limits, each a named setting (configuration section <c>Taxii</c>).</summary>
public sealed class TaxiiOptions
{
    /// <summary>Where discovery lives (§4.1: "/taxii2/").</summary>
    public const string DiscoveryPath = "/taxii2/";

    /// <summary>The one API root.</summary>
    public const string ApiRootPath = "/taxii2/rampart/";

    /// <summary>Add Objects bodies above this are refused with 413; advertised as the API root's <c>max_content_length</c>. 32 MB: a large feed page, far below memory pressure.</summary>
    public int MaxContentLength { get; set; } = 32 * 1024 * 1024;

    /// <summary>Objects per page when the client gives no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>The most objects one page holds, whatever <c>limit</c> asks (§3.4 limit: a server may return fewer).</summary>
    public int MaxPageSize { get; set; } = 10_000;

    /// <summary>How long a <c>next</c> value stays valid.</summary>
    public TimeSpan CursorLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Remote collections pulled on a schedule.</summary>
    public IList<TaxiiScheduledPull> Pulls { get; } = [];
}
