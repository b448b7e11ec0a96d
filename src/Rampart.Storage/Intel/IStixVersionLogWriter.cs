namespace Rampart.Storage.Intel;

/// <summary>Records the versions one import stored, in the order it stored them.</summary>
internal interface IStixVersionLogWriter : IDisposable
{
    /// <summary>Called right after the versions were inserted, with their id and version key (<c>stix_objects.modified</c>).</summary>
    void Append(IReadOnlyList<(string Id, string Version)> versions);
}
