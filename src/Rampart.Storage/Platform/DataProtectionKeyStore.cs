using Dapper;
using Rampart.Core;
using Rampart.Core.Storage;

namespace Rampart.Storage.Platform;

/// <summary>
/// The Data Protection key ring. Not revisioned or audited: nothing derives from it, ASP.NET re-reads
/// it on its own schedule, and its writes come from the framework, not from a person.
/// </summary>
internal sealed class DataProtectionKeyStore(StoreDatabase database, TimeProvider time) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> GetAllXml()
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").ToList();
    }

    public void Store(string friendlyName, string xml)
    {
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO data_protection_keys (id, friendly_name, xml, created_at) VALUES (@Id, @FriendlyName, @Xml, @CreatedAt)",
            new { Id = RampartId.New("data-protection-key"), FriendlyName = friendlyName, Xml = xml, CreatedAt = StoreTime.ToStore(time.GetUtcNow()) });
    }
}
