using System.Data.Common;

namespace Rampart.Storage;

/// <summary>
/// Work a migration needs that SQL cannot do, such as normalizing stored values again with the
/// parser after its canonical form changed. It runs right after the migration's script, in the
/// same transaction under the same lock, so it happens exactly once.
/// </summary>
public delegate Task MigrationStep(MigrationStepContext context);

/// <summary>The open migration transaction a <see cref="MigrationStep"/> works in.</summary>
public sealed record MigrationStepContext(
    DbConnection Connection,
    DbTransaction Transaction,
    StoreProvider Provider,
    DateTimeOffset Now,
    CancellationToken CancellationToken);
