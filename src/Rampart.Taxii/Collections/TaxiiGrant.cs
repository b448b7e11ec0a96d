using Rampart.Core.Markings;

namespace Rampart.Taxii.Collections;

/// <summary>
/// What one user (or <see cref="Everyone"/>, every signed-in user) may do with one collection, and the
/// highest TLP level they are cleared to receive through it.
/// </summary>
public sealed record TaxiiGrant(string CollectionId, string Grantee, bool CanRead, bool CanWrite, Tlp Clearance)
{
    public const string Everyone = "*";
}
