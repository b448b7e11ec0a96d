using System.Runtime.InteropServices;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Zeroed native blocks for the index's large arrays: from 2 MB up, 2 MB-aligned and advised as
/// huge pages on Linux. With 4 KB pages a random probe of a 200 MB table, or of the 12.5 MB parent
/// filter (3,200 pages against a 2,048-entry TLB), also misses the TLB; with 2 MB pages both fit its reach.
/// </summary>
internal static unsafe partial class HugePageMemory
{
    private const nuint HugePage = 2 * 1024 * 1024;
    private const int MadviseHugePage = 14;

    /// <summary>The size <see cref="Allocate"/> takes for <paramref name="bytes"/>: whole huge pages from 2 MB up.</summary>
    public static nuint RoundUp(nuint bytes) => bytes < HugePage ? Math.Max(bytes, 64) : (bytes + HugePage - 1) / HugePage * HugePage;

    /// <summary>A zeroed block of <paramref name="bytes"/> (a <see cref="RoundUp"/> size), freed with <see cref="Free"/>.</summary>
    public static void* Allocate(nuint bytes)
    {
        var memory = NativeMemory.AlignedAlloc(bytes, bytes < HugePage ? 64 : HugePage);
        if (bytes >= HugePage && OperatingSystem.IsLinux())
        {
            // Advice only: without transparent huge pages the index still works, with more TLB misses.
            _ = Madvise(memory, bytes, MadviseHugePage);
        }

        NativeMemory.Clear(memory, bytes);
        return memory;
    }

    public static void Free(void* memory) => NativeMemory.AlignedFree(memory);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
