using Microsoft.Data.Sqlite;

namespace Rampart.Storage.Tests;

/// <summary>
/// <see cref="SqliteStatement"/> skips a bind whose value equals the one the position already holds;
/// whatever was skipped, each row must come out as it was bound.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rampart-statement-tests", Guid.NewGuid().ToString("N"));

    public SqliteStatementTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Rows_bound_with_repeated_changed_and_null_values_are_stored_as_bound()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "t.db")}");
        connection.Open();
        using (var create = new SqliteCommand("CREATE TABLE t (n INTEGER, a TEXT, b INTEGER, c BLOB)", connection))
        {
            create.ExecuteNonQuery();
        }

        var shared = "same";
        var other = string.Concat("sa", "me".AsSpan()); // equal text, another instance: compared by reference, bound again

        // SQLite reads bound text up to 4 KB in place, from storage per position that grows with the text; longer
        // text it copies. A value kept (not bound again) while its neighbour's storage grows or its neighbour goes
        // the copied way must still read as bound.
        var mediumText = new string('m', 1000) + "✓";
        var mediumBlob = Enumerable.Repeat((byte)'b', 3000).ToArray();
        var longText = new string('l', 5000) + "✓";
        var largeBlob = Enumerable.Repeat((byte)'B', 20_000).ToArray();
        (string? A, long? B, byte[]? C)[] rows =
        [
            (shared, 1, "x"u8.ToArray()),
            (shared, 1, "x"u8.ToArray()),
            (other, 1, "y"u8.ToArray()),
            (null, null, "z"u8.ToArray()),
            (null, 2, "z"u8.ToArray()),
            (shared, null, "w"u8.ToArray()),
            (string.Empty, 0, []),
            ("é ü ✓", long.MaxValue, "v"u8.ToArray()),
            (mediumText, 3, mediumBlob),
            (mediumText, 3, largeBlob),
            (mediumText, 3, "s"u8.ToArray()),
            (longText, 3, mediumBlob),
            (longText, 3, largeBlob),
            (shared, 3, largeBlob),
        ];
        using (var insert = new SqliteStatement(connection, "INSERT INTO t (n, a, b, c) VALUES (?1, ?2, ?3, ?4)"))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                insert.Bind(1, i);
                insert.Bind(2, rows[i].A);
                insert.Bind(3, rows[i].B);
                insert.BindUtf8(4, rows[i].C);
                Assert.Equal(1, insert.Execute());
            }
        }

        using var read = new SqliteStatement(connection, "SELECT a, b, c FROM t WHERE n = ?1");
        for (var i = 0; i < rows.Length; i++)
        {
            read.Bind(1, i);
            Assert.True(read.Step());
            Assert.Equal(rows[i].A, read.GetText(0));
            Assert.Equal(rows[i].B, read.GetNullableInt64(1));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(rows[i].C!), read.GetText(2));
            read.Reset();
        }
    }

    [Fact]
    public async Task A_new_SQLite_store_is_created_with_16_KB_pages()
    {
        using var database = StoreDatabase.Create(StoreLocation.ForDataFolder(_folder));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (a INTEGER); PRAGMA page_size;";

        Assert.Equal(16384L, await command.ExecuteScalarAsync());
    }
}
