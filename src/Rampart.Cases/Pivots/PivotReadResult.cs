using Rampart.Core.Cases;

namespace Rampart.Cases.Pivots;

/// <summary>What a pivot data file gave: its facts, and the records skipped with their location.</summary>
public sealed record PivotReadResult(IReadOnlyList<PivotFact> Facts, IReadOnlyList<PivotReadError> Errors, int Records);
