namespace Rampart.Storage;

/// <summary>Which database engine holds the store.</summary>
public enum StoreProvider
{
    /// <summary>An embedded file in the data folder: the default, no setup.</summary>
    Sqlite,

    /// <summary>A shared server for several processes and nodes.</summary>
    Postgres,
}
