namespace Rampart.Server.Taxii;

/// <summary>What one pull did: pages and objects fetched, versions new to the store, already there, skipped as invalid, and where the next pull starts.</summary>
public sealed record TaxiiPullResult(string Source, int Pages, long Fetched, long Added, long Unchanged, long Skipped, string? AddedAfter);
