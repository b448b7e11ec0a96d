namespace Rampart.Taxii.Resources;

/// <summary>§3.6.1 "error" resource: a title always, a description, and the HTTP status as a string.</summary>
public sealed record TaxiiError(int HttpStatus, string Title, string? Description = null);
