namespace Rampart.Server.Accounts;

/// <summary>A Sigma rule file sent to <c>POST /api/v1/rules</c>: its YAML and the name to file it under.</summary>
public sealed record SigmaRuleUpload(string? Yaml, string? Source)
{
    /// <summary>Larger uploads are refused: SigmaHQ's largest rule file is under 100 KB.</summary>
    public const int MaxYamlChars = 1024 * 1024;
}
