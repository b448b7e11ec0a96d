using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Rampart.Storage;

/// <summary>
/// The few SQLite calls a bulk write makes per row (<see cref="SqliteStatement"/>), on the library Microsoft.Data.Sqlite
/// loaded (e_sqlite3), by raw pointer: SQLitePCLRaw's wrappers add a SafeHandle reference count, an interface
/// dispatch and a GC transition to each, and bind text with SQLITE_TRANSIENT, which SQLite copies into a fresh
/// allocation (two malloc-mutex round trips, a copy, a free) on every bind. A million-indicator import makes ~9M
/// binds (those that repeat the value a position holds are skipped) on its writing thread, the import's critical path.
/// The write stage alone, `stix-write 300000`, alternately: 2.61 / 2.65 / 3.52 / 2.20 s against 2.82 / 2.90 / 3.76 / 3.96 s.
/// </summary>
/// <remarks>
/// The binds and <c>sqlite3_changes</c> skip the GC transition: each returns within a few hundred nanoseconds and
/// waits for no one (the connection's mutex is only ever taken by the one thread writing on it). Step and reset
/// run SQL and keep it.
/// </remarks>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_STATIC: SQLite reads the bytes where they are, until the position is bound again.</summary>
    private const nint Static = 0;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
    private const nint Transient = -1;

    /// <summary>
    /// True when Microsoft.Data.Sqlite's connections run on the library these calls go to: the raw pointers handed
    /// here come from its connections, and another SQLite build in the process would not know them.
    /// </summary>
    public static bool SameLibrary { get; } = raw.GetNativeLibraryName() == Library;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe partial int BindText(nint statement, int position, byte* utf8, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(nint statement, int position, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(nint statement, int position);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Changes(nint database);

    /// <summary>
    /// Binds UTF-8 text that SQLite reads in place: <paramref name="pinned"/> must stay where it is, unchanged, until
    /// the position is bound again or the statement is finalized.
    /// </summary>
    public static unsafe int BindStaticText(nint statement, int position, byte[] pinned, int length)
    {
        fixed (byte* utf8 = pinned)
        {
            return BindText(statement, position, utf8, length, Static);
        }
    }

    /// <summary>Binds UTF-8 text that SQLite copies at once (never empty: an empty span passes a null pointer, which SQLite binds as NULL).</summary>
    public static unsafe int BindCopiedText(nint statement, int position, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* bytes = utf8)
        {
            return BindText(statement, position, bytes, utf8.Length, Transient);
        }
    }
}
