using System.Reflection;

namespace Rampart.Storage;

/// <summary>
/// A capability's part of the store: its name in <c>schema_migrations</c> and where its embedded
/// migrations are. Each module has its own version history, so modules migrate independently.
/// </summary>
/// <remarks>
/// Adding a capability's storage (never edit another capability's folder):
/// <list type="number">
/// <item>Create <c>src/Rampart.Storage/X/</c> with its stores (write through <c>StoreChanges</c>, so
/// every change advances the revision and is audited in the same transaction).</item>
/// <item>Add <c>X/Migrations/sqlite/0001_initial.sql</c> and <c>X/Migrations/postgres/0001_initial.sql</c>
/// (same tables; times are bigint Unix milliseconds, see <c>StoreTime</c>; ids are <c>text</c>,
/// <c>COLLATE "C"</c> in PostgreSQL). Later changes are new files with the next number; never edit
/// an applied one.</item>
/// <item>Add <c>X/XStorageServiceCollectionExtensions.AddXStorage()</c> registering
/// <c>StorageModule.For&lt;ThatClass&gt;("x")</c> and the stores, and call it where the host composes storage.</item>
/// <item>Run the storage test suite against both providers.</item>
/// </list>
/// </remarks>
public sealed record StorageModule(string Name, Assembly Assembly, string ResourcePrefix)
{
    /// <summary>
    /// Code run after the script of the same version (<see cref="MigrationStep"/>); each needs a
    /// script file of its version, which may hold only a comment saying what the step does.
    /// </summary>
    public IReadOnlyDictionary<int, MigrationStep> Steps { get; init; } = new Dictionary<int, MigrationStep>();

    /// <summary>The platform module (revision, audit, users, keys) migrates first; the others follow in registration order.</summary>
    public const string PlatformName = "platform";

    /// <summary>
    /// The module whose migrations sit in <c>Migrations/&lt;provider&gt;/</c> under the folder (namespace)
    /// of <typeparamref name="TMarker"/>.
    /// </summary>
    public static StorageModule For<TMarker>(string name) =>
        new(name, typeof(TMarker).Assembly, typeof(TMarker).Namespace + ".Migrations");
}
