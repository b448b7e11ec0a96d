using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Stix;
using Rampart.Intel.Attack;
using Rampart.Intel.Stix;
using Rampart.Storage;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;

namespace Rampart.Intel.Bench;

/// <summary>
/// The 50 MB ATT&amp;CK path: a generated Enterprise-sized bundle imported, then a "newer release"
/// (every object modified later) imported over it: the newer versions replace the older ones, so
/// APT28's technique count stays the same rather than doubling.
/// </summary>
internal static class AttackImportGate
{
    public static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-attack-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var v1 = Path.Combine(folder, "attack-v1.json");
            var v2 = Path.Combine(folder, "attack-v2.json");
            AttackBundleGenerator.Write(v1, "2024-10-01T00:00:00.000Z");
            AttackBundleGenerator.Write(v2, "2025-04-01T00:00:00.000Z");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated two ATT&CK-shaped bundles of {new FileInfo(v1).Length / 1e6:F1} MB"));

            await using var services = new ServiceCollection().AddRampartStorage(StoreLocation.ForDataFolder(Path.Combine(folder, "store"))).AddIntelStorage().BuildServiceProvider();
            await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
            var stix = services.GetRequiredService<IStixStore>();
            var importer = new StixImporter(stix, services.GetRequiredService<IActorStore>());
            var apt28 = new Actor(AttackBundleGenerator.GroupId(0), "APT28", null, "G0007", null, [new ActorAlias("APT28", "bench")], [], []);

            var counts = new List<int>();
            foreach (var (bundle, what) in new[] { (v1, "first release"), (v2, "newer release") })
            {
                var clock = Stopwatch.StartNew();
                await using (var stream = File.OpenRead(bundle))
                {
                    var report = await importer.ImportAsync(stream, Path.GetFileName(bundle), "attack", ChangeContext.System, CancellationToken.None);
                    var profile = await new ActorAttackProfiles(stix).ForAsync(apt28, CancellationToken.None);
                    counts.Add(profile.Techniques.Count);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{what}: {report.Objects:N0} objects in {clock.Elapsed.TotalSeconds:F1} s, {report.Counts.Added:N0} new versions, {report.Problems.Count} problems; APT28 techniques: {profile.Techniques.Count}"));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
            return counts[0] > 0 && counts[0] == counts[1] ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
