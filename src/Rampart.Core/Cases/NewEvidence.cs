namespace Rampart.Core.Cases;

/// <summary>Evidence to add to a case.</summary>
/// <param name="Domain">The domain it is about, or null for the whole case.</param>
/// <param name="CapturedAt">When the fact was observed (a DNS query's time, a registration record's date), not when it was stored.</param>
/// <param name="Source">Where it came from: a resolver address, a file name, "indicator store", a user.</param>
/// <param name="Summary">One line for the appendix.</param>
/// <param name="Data">The raw material as text (a DNS answer, a WHOIS record) or null; hashed when no content is given.</param>
/// <param name="Content">File bytes of an attachment, stored as they are and hashed.</param>
public sealed record NewEvidence(
    string? Domain,
    EvidenceKind Kind,
    DateTimeOffset CapturedAt,
    string Source,
    string Summary,
    string? Data = null,
    string? FileName = null,
    ReadOnlyMemory<byte>? Content = null)
{
    /// <summary>The SHA-256 (lowercase hex) of the content, or of the data's UTF-8 bytes, or of the summary.</summary>
    public string Sha256() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Content is { } content ? content.Span : System.Text.Encoding.UTF8.GetBytes(Data ?? Summary)));
}
