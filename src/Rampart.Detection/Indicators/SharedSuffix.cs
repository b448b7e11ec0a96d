namespace Rampart.Detection.Indicators;

/// <summary>What <see cref="SharedSuffixes.Find"/> knows of a parent key.</summary>
internal enum SharedSuffix
{
    /// <summary>An ordinary parent: the filter holds it as it is.</summary>
    No,

    /// <summary>A public suffix with indicators under it: the filter holds their last three labels.</summary>
    Shared,

    /// <summary>A lookup under it must probe the table whatever the filter says.</summary>
    Listed,
}
