namespace Rampart.Storage.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_database_connection_string_wins_over_the_data_folder()
    {
        var location = StoreLocation.Resolve(Path.GetTempPath(), "Host=db.internal;Database=rampart;Username=rampart;Password=s3cret");

        Assert.Equal(StoreProvider.Postgres, location.Provider);
    }

    [Fact]
    public void Without_a_database_the_store_is_rampart_db_in_the_data_folder_which_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-storage-tests", Guid.NewGuid().ToString("N"), "data");
        try
        {
            var location = StoreLocation.Resolve(folder, database: null);

            Assert.Equal(StoreProvider.Sqlite, location.Provider);
            Assert.True(Directory.Exists(folder));
            Assert.Equal($"SQLite {Path.Combine(folder, "rampart.db")}", location.Describe());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void Describing_a_PostgreSQL_location_never_shows_the_password()
    {
        var location = StoreLocation.ForPostgres("Host=db.internal;Port=5433;Database=rampart;Username=rampart;Password=s3cret");

        Assert.Equal("PostgreSQL db.internal:5433/rampart as rampart", location.Describe());
        Assert.DoesNotContain("s3cret", location.ToString(), StringComparison.Ordinal);
    }
}
