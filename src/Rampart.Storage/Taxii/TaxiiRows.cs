using Rampart.Core.Markings;
using Rampart.Taxii.Collections;

namespace Rampart.Storage.Taxii;

/// <summary>The rows of the TAXII tables as Dapper reads them.</summary>
internal static class TaxiiRows
{
    public static string ToStore(TaxiiCollectionKind kind) => kind switch
    {
        TaxiiCollectionKind.All => "all",
        TaxiiCollectionKind.Indicators => "indicators",
        TaxiiCollectionKind.Actor => "actor",
        TaxiiCollectionKind.Tlp => "tlp",
        TaxiiCollectionKind.Inbox => "inbox",
        TaxiiCollectionKind.Case => "case",
    };

    public static TaxiiCollectionKind ToKind(string stored) => stored switch
    {
        "all" => TaxiiCollectionKind.All,
        "indicators" => TaxiiCollectionKind.Indicators,
        "actor" => TaxiiCollectionKind.Actor,
        "tlp" => TaxiiCollectionKind.Tlp,
        "inbox" => TaxiiCollectionKind.Inbox,
        "case" => TaxiiCollectionKind.Case,
        _ => throw new InvalidOperationException($"unknown TAXII collection kind '{stored}' in the store"),
    };

    public static Tlp ToTlp(string stored) =>
        TlpLevels.TryParse(stored, out var tlp) ? tlp.Value : throw new InvalidOperationException($"unknown TLP level '{stored}' in the store");

    internal sealed class CollectionRow
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public string? Description { get; set; }

        public string? Alias { get; set; }

        public string Kind { get; set; } = "";

        public string? Argument { get; set; }

        public string Ceiling { get; set; } = "";

        public TaxiiCollection ToCollection() => new(Id, Title, Description, Alias, ToKind(Kind), Argument, ToTlp(Ceiling));
    }

    internal sealed class GrantRow
    {
        public string CollectionId { get; set; } = "";

        public string Grantee { get; set; } = "";

        public bool CanRead { get; set; }

        public bool CanWrite { get; set; }

        public string Clearance { get; set; } = "";

        public TaxiiGrant ToGrant() => new(CollectionId, Grantee, CanRead, CanWrite, ToTlp(Clearance));
    }

    internal sealed class EntryRow
    {
        public long DateAdded { get; set; }

        public string Id { get; set; } = "";

        public string Type { get; set; } = "";

        public string Modified { get; set; } = "";

        public string? Tlp { get; set; }

        public string Json { get; set; } = "";
    }

    internal sealed class VersionRow
    {
        public string Id { get; set; } = "";

        public string Modified { get; set; } = "";
    }

    internal sealed class CursorRow
    {
        public string Id { get; set; } = "";

        public string CollectionId { get; set; } = "";

        public string Endpoint { get; set; } = "";

        public string? ObjectId { get; set; }

        public string UserName { get; set; } = "";

        public string Fingerprint { get; set; } = "";

        public long AfterAdded { get; set; }

        public long UpperAdded { get; set; }

        public long ExpiresAt { get; set; }
    }

    internal sealed class StatusRow
    {
        public string Id { get; set; } = "";

        public string CollectionId { get; set; } = "";

        public string UserName { get; set; } = "";

        public long RequestTimestamp { get; set; }

        public string Details { get; set; } = "";
    }

    internal sealed class PullRow
    {
        public string Source { get; set; } = "";

        public string? AddedAfter { get; set; }

        public long LastRun { get; set; }

        public long Fetched { get; set; }

        public long Imported { get; set; }

        public string? LastError { get; set; }
    }
}
