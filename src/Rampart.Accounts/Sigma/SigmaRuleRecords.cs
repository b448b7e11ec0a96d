using System.Security.Cryptography;
using System.Text;
using Rampart.Core.Accounts;

namespace Rampart.Accounts.Sigma;

/// <summary>Between Sigma YAML and the store: documents of a file as records, and stored records back into a rule set.</summary>
public static class SigmaRuleRecords
{
    /// <summary>
    /// The documents of one rule file as records to store, or the file's errors: a file is stored
    /// only when every document in it loads and compiles (with the rest of the file).
    /// </summary>
    public static (IReadOnlyList<StoredSigmaRule> Records, IReadOnlyList<SigmaLoadError> Errors) FromFile(string yaml, string source, SigmaCompileOptions? options = null)
    {
        var loaded = SigmaLoader.LoadText(yaml, source);
        var errors = loaded.Errors.Concat(SigmaRuleSet.Compile(loaded.Documents, options).Errors).ToList();
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var records = loaded.Documents.Select(d => new StoredSigmaRule(
            IdOf(d, source),
            d.Title,
            d switch { SigmaCorrelationRule => "correlation", SigmaFilterRule => "filter", _ => "rule" },
            LogSourceOf(d)?.Product,
            LogSourceOf(d)?.Service,
            LogSourceOf(d)?.Category,
            d.Level,
            d.Status,
            Enabled: true,
            source,
            yaml,
            DateTimeOffset.UnixEpoch)).ToList();
        return (records, []);
    }

    /// <summary>
    /// The rule set of stored records: each distinct file text is loaded once and the documents whose
    /// ids are among <paramref name="records"/> are kept (a disabled rule's file may still hold enabled ones).
    /// </summary>
    public static SigmaRuleSet ToRuleSet(IEnumerable<StoredSigmaRule> records, SigmaCompileOptions? options = null)
    {
        var wanted = records.ToList();
        var ids = wanted.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var documents = new List<SigmaDocument>();
        foreach (var file in wanted.GroupBy(r => (r.Source, r.Yaml)))
        {
            var loaded = SigmaLoader.LoadText(file.Key.Yaml, file.Key.Source);
            documents.AddRange(loaded.Documents.Where(d => ids.Contains(IdOf(d, file.Key.Source))));
        }

        return SigmaRuleSet.Compile(documents, options);
    }

    /// <summary>The rule's id, or for one without an id a stable one from its file and title.</summary>
    public static string IdOf(SigmaDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Id is { Length: > 0 } id)
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + (document.Name ?? document.Title)));
        return "sigma--" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static SigmaLogSource? LogSourceOf(SigmaDocument document) => document switch
    {
        SigmaRule rule => rule.LogSource,
        SigmaFilterRule filter => filter.LogSource,
        _ => null,
    };
}
