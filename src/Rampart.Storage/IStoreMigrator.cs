namespace Rampart.Storage;

/// <summary>Creates and migrates the store: every registered module's migrations, in order, once.</summary>
public interface IStoreMigrator
{
    /// <summary>
    /// Applies the migrations not yet applied, under a cross-process lock so that processes starting
    /// together do not race; safe to call on every start (fast when there is nothing to do).
    /// Returns how many migrations it applied.
    /// </summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);
}
