using Rampart.Core.Auditing;

namespace Rampart.Core.Cases;

/// <summary>The imported pivot data. Importing the same facts again changes nothing; a fact seen again widens its period.</summary>
public interface IPivotFactStore
{
    /// <summary>Adds facts in one transaction; returns how many rows were new or widened.</summary>
    Task<int> ImportAsync(IReadOnlyList<PivotFact> facts, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Every stored fact, in (domain, kind, value) order.</summary>
    Task<IReadOnlyList<PivotFact>> ListAsync(CancellationToken cancellationToken);
}
