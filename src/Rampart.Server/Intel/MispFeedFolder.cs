namespace Rampart.Server.Intel;

/// <summary>One written MISP feed: the store revision it shows, its folder, and what its TLP gate held back.</summary>
public sealed record MispFeedFolder(long Revision, string Folder, int Withheld, IReadOnlyDictionary<string, int> WithheldByLevel);
