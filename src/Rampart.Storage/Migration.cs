using System.Globalization;
using System.Reflection;

namespace Rampart.Storage;

/// <summary>One embedded migration script: <c>&lt;Module&gt;/Migrations/&lt;provider&gt;/NNNN_name.sql</c>, and the module's step of that version if it has one.</summary>
internal sealed record Migration(string Module, int Version, string Name, string Sql, MigrationStep? Step = null)
{
    public static string ProviderFolder(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => "sqlite",
        StoreProvider.Postgres => "postgres",
    };

    /// <summary>The module's migrations for the provider, in version order; throws on a malformed name or a repeated version.</summary>
    public static IReadOnlyList<Migration> Load(StorageModule module, StoreProvider provider)
    {
        var prefix = $"{module.ResourcePrefix}.{ProviderFolder(provider)}.";
        var migrations = new List<Migration>();
        foreach (var resource in module.Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = resource[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(module.Name, version, file[(underscore + 1)..], Read(module.Assembly, resource), module.Steps.GetValueOrDefault(version)));
        }

        foreach (var version in module.Steps.Keys.Where(v => !migrations.Exists(m => m.Version == v)))
        {
            throw new InvalidOperationException($"Module '{module.Name}' has a migration step {version} but no {ProviderFolder(provider)} script numbered {version}.");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Module '{module.Name}' has two {ProviderFolder(provider)} migrations numbered {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
