using Rampart.Core.Markings;

namespace Rampart.Server.Taxii;

/// <summary>Who a TAXII request comes from, once authenticated.</summary>
/// <param name="Ceiling">The user's or API key's TLP ceiling: no grant clears it for more.</param>
public sealed record TaxiiUser(string Name, bool IsAdmin, Tlp Ceiling = TlpCeilings.DefaultApiKey);
