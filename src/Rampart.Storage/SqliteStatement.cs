using System.Numerics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rampart.Storage;

/// <summary>
/// One prepared SQLite statement, prepared and read through SQLitePCLRaw directly, for bulk writes on a
/// connection (and inside a transaction) that Microsoft.Data.Sqlite opened. Parameters bind by
/// position: Microsoft.Data.Sqlite looks every parameter up by name on every execution (three
/// prefixed <c>sqlite3_bind_parameter_index</c> scans each), which cost more than the insert itself
/// in the million-indicator import. The per-row calls (binds, step, reset) go straight to the library
/// (<see cref="SqliteNative"/>); text is encoded to UTF-8 here, into storage of its position that SQLite
/// reads in place (up to 4 KB; longer text SQLite copies).
/// A value equal to the one last bound at the same position is not bound again (bindings survive a
/// reset): in a 50-row insert most columns repeat row after row — the type, the source, the TLP, the
/// NULLs — and each bind is a native call and a mutex inside SQLite.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    /// <summary>The first size of a position's text storage; it doubles as longer text arrives.</summary>
    private const int FirstTextStorage = 64;

    /// <summary>
    /// Longer text (UTF-8 bytes) is bound as a copy SQLite makes (SQLITE_TRANSIENT), from one shared buffer: the
    /// storage per position stays small (the 50-row insert's 600 positions, at most 4 KB each), and a large object
    /// (a report, an ATT&amp;CK collection of a megabyte) costs what every bind did before.
    /// </summary>
    private const int MaxInPlaceBytes = 4096;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly nint _dbHandle;
    private readonly nint _handle;

    // Per position (1-based): what it holds now. Text is compared by reference (strings are immutable,
    // and the repeating ones are the same instance row after row), NULL is text null.
    private readonly Bound[] _kinds;
    private readonly string?[] _texts;
    private readonly long[] _numbers;

    // Per position: the UTF-8 bytes SQLite reads the bound text from (SQLITE_STATIC), on the pinned object heap so
    // they never move. A position's bytes change only when that position is bound again.
    private readonly byte[]?[] _storage;

    // Text longer than MaxInPlaceBytes, encoded here before SQLite copies it.
    private byte[] _large = [];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!SqliteNative.SameLibrary)
        {
            throw new InvalidOperationException($"SQLite is loaded from {raw.GetNativeLibraryName()}, not e_sqlite3, which SqliteStatement calls.");
        }

        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        (_dbHandle, _handle) = (_db.DangerousGetHandle(), _statement.DangerousGetHandle());
        var count = raw.sqlite3_bind_parameter_count(_statement) + 1;
        (_kinds, _texts, _numbers, _storage) = (new Bound[count], new string?[count], new long[count], new byte[]?[count]);
    }

    private enum Bound : byte
    {
        Unknown,
        Text,
        Integer,
    }

    public bool HasParameter(string name) => raw.sqlite3_bind_parameter_index(_statement, name) > 0;

    /// <summary>The position of a named parameter (<c>@name</c>), looked up once so each execution binds by position.</summary>
    public int Position(string name)
    {
        var position = raw.sqlite3_bind_parameter_index(_statement, name);
        return position > 0 ? position : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    /// <summary>Binds text (1-based position); null binds SQL NULL. The text goes in as UTF-8, encoded here (vectorized).</summary>
    public void Bind(int position, string? value)
    {
        if (_kinds[position] == Bound.Text && ReferenceEquals(_texts[position], value))
        {
            return;
        }

        _kinds[position] = Bound.Unknown;
        if (value is null)
        {
            Check(SqliteNative.BindNull(_handle, position));
            (_kinds[position], _texts[position]) = (Bound.Text, null);
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        var bytes = most <= MaxInPlaceBytes ? most : Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxInPlaceBytes)
        {
            var buffer = LargeBuffer(bytes);
            BindLarge(position, buffer.AsSpan(0, Encoding.UTF8.GetBytes(value, buffer)));
        }
        else
        {
            var storage = StorageAtLeast(position, bytes);
            BindInPlace(position, storage, Encoding.UTF8.GetBytes(value, storage));
        }

        (_kinds[position], _texts[position]) = (Bound.Text, value);
    }

    /// <summary>Binds text already in UTF-8 (1-based position), as SQLite stores it: no string, no conversion.</summary>
    public void BindUtf8(int position, ReadOnlySpan<byte> utf8)
    {
        _kinds[position] = Bound.Unknown;
        if (utf8.Length > MaxInPlaceBytes)
        {
            BindLarge(position, utf8);
            return;
        }

        var storage = StorageAtLeast(position, utf8.Length);
        utf8.CopyTo(storage);
        BindInPlace(position, storage, utf8.Length);
    }

    public void Bind(int position, long value)
    {
        if (_kinds[position] == Bound.Integer && _numbers[position] == value)
        {
            return;
        }

        _kinds[position] = Bound.Unknown;
        Check(SqliteNative.BindInt64(_handle, position, value));
        (_kinds[position], _numbers[position]) = (Bound.Integer, value);
    }

    public void Bind(int position, long? value)
    {
        if (value is { } v)
        {
            Bind(position, v);
        }
        else
        {
            Bind(position, (string?)null);
        }
    }

    /// <summary>Runs the statement to its first row; true when there is one (read it with <see cref="GetText"/>).</summary>
    public bool Step()
    {
        var result = SqliteNative.Step(_handle);
        return result switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Error(result),
        };
    }

    /// <summary>Runs a statement that returns no rows; how many rows it changed. Reset after, whatever happened, so it can be bound again.</summary>
    public int Execute()
    {
        try
        {
            Step();
            return SqliteNative.Changes(_dbHandle);
        }
        finally
        {
            Reset();
        }
    }

    public string? GetText(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>A text or blob column's bytes (text as UTF-8), valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public long? GetNullableInt64(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, column);

    /// <summary>Ready to run again with new bindings (bindings not rebound keep their values). Reset repeats the last step's error, which Step already threw.</summary>
    public void Reset() => _ = SqliteNative.Reset(_handle);

    /// <summary>
    /// The position's text storage, or a larger one, at least <paramref name="bytes"/> long (never empty: an empty span
    /// would pass a null pointer, which SQLite binds as NULL, not ''). A larger one replaces the position's only once
    /// the position is bound to it (<see cref="BindInPlace"/>): until then SQLite may still read the old one.
    /// </summary>
    private byte[] StorageAtLeast(int position, int bytes) =>
        _storage[position] is { } storage && storage.Length >= bytes
            ? storage
            : GC.AllocateUninitializedArray<byte>(Math.Max(FirstTextStorage, (int)BitOperations.RoundUpToPowerOf2((uint)bytes)), pinned: true);

    private void BindInPlace(int position, byte[] storage, int length)
    {
        Check(SqliteNative.BindStaticText(_handle, position, storage, length));
        _storage[position] = storage;
    }

    private void BindLarge(int position, ReadOnlySpan<byte> utf8) => Check(SqliteNative.BindCopiedText(_handle, position, utf8));

    private byte[] LargeBuffer(int bytes)
    {
        if (_large.Length < bytes)
        {
            _large = new byte[Math.Max(bytes, _large.Length * 2)];
        }

        return _large;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Error(result);
        }
    }

    private SqliteException Error(int result) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));
}
