namespace Rampart.Accounts.Bench;

/// <summary>Finds ../shared/data next to the repository (a fresh clone has none: gates then say "skipped").</summary>
internal static class SharedData
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
                return Directory.Exists(path) || File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
