namespace Rampart.Core.Storage;

/// <summary>
/// The store revision: a number that advances with every committed change, whichever process made
/// it. Readers poll it (cheap) to notice changes made elsewhere and rebuild what they derive.
/// </summary>
public interface IStoreRevision
{
    Task<long> CurrentAsync(CancellationToken cancellationToken);
}
