namespace Rampart.Server.Taxii;

/// <summary>The paged endpoints; a <c>next</c> value belongs to one of them.</summary>
public enum TaxiiEndpoint
{
    Objects,
    Manifest,
    SingleObject,
    Versions,
}
