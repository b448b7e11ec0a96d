using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rampart.Storage;

/// <summary>
/// One prepared SQLite statement driven through SQLitePCLRaw directly, for bulk writes on a
/// connection (and inside a transaction) that Microsoft.Data.Sqlite opened. Parameters bind by
/// position: Microsoft.Data.Sqlite looks every parameter up by name on every execution (three
/// prefixed <c>sqlite3_bind_parameter_index</c> scans each), which cost more than the insert itself
/// in the million-indicator import. Strings bind as UTF-16, which SQLite converts in C.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[1024];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public bool HasParameter(string name) => raw.sqlite3_bind_parameter_index(_statement, name) > 0;

    /// <summary>The position of a named parameter (<c>@name</c>), looked up once so each execution binds by position.</summary>
    public int Position(string name)
    {
        var position = raw.sqlite3_bind_parameter_index(_statement, name);
        return position > 0 ? position : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    /// <summary>
    /// Binds text (1-based position); null binds SQL NULL. The text goes in as UTF-8, encoded here
    /// (vectorized) into a reused buffer: bound as UTF-16, SQLite converts byte by byte into a fresh
    /// allocation on every execution.
    /// </summary>
    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        // An empty span would pass a null pointer, which SQLite binds as NULL, not ''.
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(length == 0 ? raw.sqlite3_bind_text(_statement, position, string.Empty) : raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length)));
    }

    /// <summary>Binds text already in UTF-8 (1-based position), as SQLite stores it: no string, no conversion.</summary>
    public void BindUtf8(int position, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(_statement, position, string.Empty) : raw.sqlite3_bind_text(_statement, position, utf8));

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void Bind(int position, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, position, v) : raw.sqlite3_bind_null(_statement, position));

    /// <summary>Runs the statement to its first row; true when there is one (read it with <see cref="GetText"/>).</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        return result switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Error(result),
        };
    }

    /// <summary>Runs a statement that returns no rows; how many rows it changed.</summary>
    public int Execute()
    {
        Step();
        var changes = raw.sqlite3_changes(_db);
        Reset();
        return changes;
    }

    public string? GetText(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public long? GetNullableInt64(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, column);

    /// <summary>Ready to run again with new bindings (bindings not rebound keep their values).</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

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
