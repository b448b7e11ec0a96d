namespace Rampart.Intel.Actors;

/// <summary>A galaxy cluster file the knowledge base cannot read; the message names the file, the cluster and the field.</summary>
public sealed class GalaxyFormatException : FormatException
{
    /// <param name="file">The galaxy file name (<c>threat-actor.json</c>).</param>
    /// <param name="cluster">The cluster as people find it in the file (<c>cluster #12 "APT28" 5b4ee3ea-…</c>), or null for the file as a whole.</param>
    /// <param name="problem">What is wrong, starting with the field (<c>meta.synonyms must be an array of strings</c>).</param>
    public GalaxyFormatException(string file, string? cluster, string problem, Exception? innerException = null)
        : base(cluster is null ? $"{file}: {problem}" : $"{file}: {cluster}: {problem}", innerException)
    {
        File = file;
        Cluster = cluster;
    }

    public string File { get; }

    public string? Cluster { get; }
}
