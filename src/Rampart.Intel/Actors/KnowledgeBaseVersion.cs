using System.Security.Cryptography;
using System.Text;

namespace Rampart.Intel.Actors;

/// <summary>
/// The knowledge base version: a SHA-256 prefix of the merge rules' revision and the galaxy files'
/// bytes. The store reseeds its actors only when this changes (IActorStore.SeedKnowledgeBaseAsync).
/// </summary>
internal static class KnowledgeBaseVersion
{
    /// <summary>
    /// Bump whenever a change to the merge (folding, linking, joining, composing) would change the
    /// actors built from unchanged files; otherwise stores keep the actors the old rules built.
    /// </summary>
    public const int MergeRulesRevision = 1;

    /// <summary>16 hex digits (64 bits): ample to tell shipped releases apart, short enough to show.</summary>
    private const int HexDigits = 16;

    public static string Compute(IReadOnlyList<byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes($"rampart-actors-rules-{MergeRulesRevision}\n"));
        Span<byte> length = stackalloc byte[sizeof(long)];
        foreach (var file in files)
        {
            // The length keeps file boundaries in the hash: moving bytes between files changes it.
            BitConverter.TryWriteBytes(length, (long)file.Length);
            hash.AppendData(length);
            hash.AppendData(file);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..HexDigits];
    }
}
