namespace Rampart.Core.Storage;

/// <summary>
/// Data Protection key ring elements, kept in the store so that cookies and antiforgery tokens stay
/// valid across restarts and on every node. Synchronous because ASP.NET's key repository is.
/// </summary>
public interface IDataProtectionKeyStore
{
    IReadOnlyList<string> GetAllXml();

    void Store(string friendlyName, string xml);
}
