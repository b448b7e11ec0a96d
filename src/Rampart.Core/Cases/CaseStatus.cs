namespace Rampart.Core.Cases;

/// <summary>Where a takedown case stands. Only seized and sinkholed cases are ever published (RPZ, sinkhole).</summary>
public enum CaseStatus
{
    /// <summary>Being assembled; often sealed, never published.</summary>
    Draft,

    /// <summary>Filed with a court; still sealed, never published.</summary>
    Filed,

    /// <summary>The court granted the order.</summary>
    Granted,

    /// <summary>The registries moved the domains to the defender.</summary>
    Seized,

    /// <summary>The seized domains answer from the sinkhole.</summary>
    Sinkholed,

    /// <summary>The order ended; the domains are let go.</summary>
    Released,
}
