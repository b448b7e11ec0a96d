namespace Rampart.Server.Intel;

/// <summary>
/// A batch of indicators that lands as one transaction, like a list file. <see cref="Name"/> names
/// the batch in error messages (the CLI sends the file name).
/// </summary>
public sealed record IndicatorBatchRequest(
    IReadOnlyList<IndicatorInput>? Items,
    string? Name,
    string? Source,
    string? Actor,
    int? Confidence,
    DateTimeOffset? ValidUntil,
    bool SkipInvalid = false,
    string? Tlp = null)
{
    /// <summary>Larger imports go through the CLI on the store itself, or in several batches.</summary>
    public const int MaxItems = 100_000;
}
