namespace Rampart.Server;

/// <summary>What <c>rampart serve</c> was told: where the store is and where to listen.</summary>
/// <param name="DataFolder">The data folder: the SQLite store (when no database is given) and <c>serve.json</c>.</param>
/// <param name="Database">A PostgreSQL connection string, or null for the embedded SQLite store.</param>
/// <param name="Urls">Kestrel URLs; loopback by default so nothing is exposed until asked.</param>
/// <param name="AdminPassword">The first admin's password; generated and printed once when null.</param>
public sealed record ServeOptions(string DataFolder, string? Database, string Urls, string? AdminPassword)
{
    public const string DefaultUrls = "http://127.0.0.1:8080";
}
