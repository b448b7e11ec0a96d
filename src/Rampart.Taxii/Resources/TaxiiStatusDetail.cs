namespace Rampart.Taxii.Resources;

/// <summary>§4.3.1 "status-details": one object of an Add Objects request, by id and version, with why it failed.</summary>
public sealed record TaxiiStatusDetail(string Id, string Version, string? Message = null);
