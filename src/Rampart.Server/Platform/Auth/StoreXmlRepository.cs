using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Rampart.Core.Storage;

namespace Rampart.Server.Platform.Auth;

/// <summary>
/// Keeps the Data Protection key ring in the store, so session cookies and antiforgery tokens
/// survive restarts and are valid on every node that shares the store.
/// </summary>
public sealed class StoreXmlRepository(IDataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.GetAllXml().Select(xml => XElement.Parse(xml)).ToArray();

    public void StoreElement(XElement element, string friendlyName) =>
        store.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
