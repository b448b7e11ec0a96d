namespace Rampart.Server.Platform;

/// <summary>Told when the store revision advances, whichever process made the change.</summary>
public interface IStoreChangeListener
{
    Task OnStoreChangedAsync(long revision, CancellationToken cancellationToken);
}
