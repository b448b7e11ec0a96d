namespace Rampart.Server.Taxii;

/// <summary>Who a TAXII request comes from, once authenticated.</summary>
public sealed record TaxiiUser(string Name, bool IsAdmin);
