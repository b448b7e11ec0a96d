using Rampart.Core.Indicators;
using Rampart.Intel.Lists;

namespace Rampart.Intel.Import;

/// <summary>
/// What an import did: the store's result when it ran, or the errors that stopped it (nothing
/// written). <see cref="Skipped"/> lists the rows left out under <c>--skip-invalid</c>.
/// </summary>
public sealed record ImportOutcome(ImportResult? Result, IReadOnlyList<IndicatorListError> Errors, IReadOnlyList<IndicatorListError> Skipped)
{
    public bool Succeeded => Result is not null;

    /// <summary>
    /// Rows whose value is on a warninglist (<see cref="Warninglists"/>): valid, so they never refuse the
    /// file, but left out of the store and reported here, each with its line and the list it is on.
    /// </summary>
    public IReadOnlyList<IndicatorListError> Warned { get; init; } = [];
}
