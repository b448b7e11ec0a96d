namespace Rampart.Detection.Lookalikes;

/// <summary>How bad a screened name looks.</summary>
public enum LookalikeLevel
{
    /// <summary>No brand is imitated (there may be weak signals below the threshold).</summary>
    Clean,

    /// <summary>The name is a brand's own, a CDN edge name or a popular site.</summary>
    Allowlisted,

    /// <summary>Score of at least <see cref="LookalikeResult.SuspiciousScore"/>.</summary>
    Suspicious,

    /// <summary>Score of at least <see cref="LookalikeResult.MaliciousScore"/>.</summary>
    Malicious,

    /// <summary>Not a host name; the finding says why.</summary>
    Invalid,
}
