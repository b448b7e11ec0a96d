using Rampart.Core.Accounts;

namespace Rampart.Storage.Accounts.SigmaRules;

/// <summary>A <c>sigma_rules</c> row as Dapper reads it; '' in a log source part means "not named".</summary>
internal sealed class SigmaRuleRow
{
    public const string Columns = "id AS Id, title AS Title, kind AS Kind, product AS Product, service AS Service, category AS Category, level AS Level, status AS Status, enabled AS Enabled, source AS Source, yaml AS Yaml, modified_at AS ModifiedAt";

    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Product { get; set; } = "";

    public string Service { get; set; } = "";

    public string Category { get; set; } = "";

    public string? Level { get; set; }

    public string? Status { get; set; }

    public bool Enabled { get; set; }

    public string Source { get; set; } = "";

    public string Yaml { get; set; } = "";

    public long ModifiedAt { get; set; }

    public StoredSigmaRule ToRule() => new(
        Id, Title, Kind, NullIfEmpty(Product), NullIfEmpty(Service), NullIfEmpty(Category), Level, Status, Enabled, Source, Yaml, StoreTime.FromStore(ModifiedAt));

    public static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
