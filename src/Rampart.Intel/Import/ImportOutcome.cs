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
}
