using Rampart.Testing;

namespace Rampart.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database with a random name on the server named by <c>RAMPART_TEST_POSTGRES</c>
/// (an admin connection string; <c>scripts/postgres-test-server.sh</c> prints one), dropped after.
/// Without it the test is skipped, unless <c>RAMPART_TEST_REQUIRE_POSTGRES=1</c> (CI), when it fails.
/// </summary>
public sealed class PostgresTarget : StoreTarget
{
    public const string ServerVariable = "RAMPART_TEST_POSTGRES";
    public const string RequireVariable = "RAMPART_TEST_REQUIRE_POSTGRES";

    private ScratchPostgresDatabase? _database;

    public override StoreProvider Provider => StoreProvider.Postgres;

    public static string AdminConnectionString()
    {
        var admin = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(admin))
        {
            return admin;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{ServerVariable} is not set but {RequireVariable}=1: start one with scripts/postgres-test-server.sh.");
        }

        Assert.Skip($"{ServerVariable} not set (RAMPART_TEST_POSTGRES=\"$(scripts/postgres-test-server.sh)\" runs these tests).");
        return "";
    }

    public override async Task<StoreLocation> CreateAsync(CancellationToken cancellationToken)
    {
        _database = new ScratchPostgresDatabase(AdminConnectionString(), "rampart_test");
        await _database.CreateAsync(cancellationToken);
        return _database.Location;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
