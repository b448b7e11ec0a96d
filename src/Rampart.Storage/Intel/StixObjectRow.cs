using System.Globalization;
using Rampart.Core.Markings;
using Rampart.Core.Stix;

namespace Rampart.Storage.Intel;

/// <summary>A <c>stix_objects</c> row as Dapper reads it.</summary>
internal sealed class StixObjectRow
{
    public const string Columns = """
        o.id AS Id, o.type AS Type, o.modified AS Modified, o.revoked AS Revoked, o.tlp AS Tlp, o.json AS Json, o.name AS Name,
        o.external_id AS ExternalId, o.relationship_type AS RelationshipType, o.source_ref AS SourceRef, o.target_ref AS TargetRef, o.revision AS Revision
        """;

    /// <summary>Only the newest version of each object: the one no other version of it is newer than.</summary>
    public const string NewestOnly = "o.modified = (SELECT MAX(m.modified) FROM stix_objects m WHERE m.id = o.id)";

    private const string VersionFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string Modified { get; set; } = "";

    public bool Revoked { get; set; }

    public string? Tlp { get; set; }

    public string Json { get; set; } = "";

    public string? Name { get; set; }

    public string? ExternalId { get; set; }

    public string? RelationshipType { get; set; }

    public string? SourceRef { get; set; }

    public string? TargetRef { get; set; }

    public long Revision { get; set; }

    /// <summary>The version key: fixed-width UTC text, so comparing the text compares the times; '' for unversioned objects.</summary>
    public static string ToVersion(DateTimeOffset? modified) =>
        modified is { } m ? m.UtcDateTime.ToString(VersionFormat, CultureInfo.InvariantCulture) : "";

    public StoredStixObject ToObject() => new(
        Id,
        Type,
        Modified.Length == 0 ? null : DateTimeOffset.ParseExact(Modified, VersionFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Revoked,
        TlpLevels.TryParse(Tlp, out var tlp) ? tlp : null,
        Json,
        Name,
        ExternalId,
        RelationshipType,
        SourceRef,
        TargetRef,
        Revision);
}
