namespace Rampart.Accounts.Footholds;

/// <summary>A foothold while the records are replayed: opened by one record, perhaps closed by a later one.</summary>
internal sealed class FootholdState(FootholdDraft draft, Evidence created, string level, bool outside)
{
    public FootholdDraft Draft { get; } = draft;

    public Evidence Created { get; } = created;

    public List<string> Rules { get; } = [];

    public string Level { get; set; } = level;

    public bool Outside { get; } = outside;

    public Evidence? Removed { get; set; }
}
