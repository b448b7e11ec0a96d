namespace Rampart.Core;

/// <summary>
/// Ids in the STIX style (<c>indicator--&lt;uuid&gt;</c>). Version 7 UUIDs sort by creation time, which
/// keyset paging relies on, and never come from an in-process counter: several processes and nodes
/// write the same store.
/// </summary>
public static class RampartId
{
    public static string New(string type) => $"{type}--{Guid.CreateVersion7()}";
}
