namespace Rampart.Core.Cases;

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>An analyst's note.</summary>
    Note,

    /// <summary>A file (screenshot, capture, letter) kept with its SHA-256.</summary>
    Attachment,

    /// <summary>DNS answers captured at a point in time through a configured resolver, raw answer kept.</summary>
    Dns,

    /// <summary>Registration facts the user supplies: registrar, creation date, registrant.</summary>
    Registration,

    /// <summary>Stored indicators for the domain: first and last seen, sources.</summary>
    Indicator,

    /// <summary>Sightings of the domain's indicators.</summary>
    Sighting,

    /// <summary>The actor the domain's indicators are attributed to.</summary>
    Attribution,

    /// <summary>The lookalike engine's explanation: which brand, by which technique.</summary>
    Lookalike,

    /// <summary>The shared attribute a pivot found the domain by.</summary>
    Pivot,
}
