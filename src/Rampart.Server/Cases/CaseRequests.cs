namespace Rampart.Server.Cases;

/// <summary>POST /api/v1/cases.</summary>
public sealed record NewCaseRequest(string? Name, string? Description);

/// <summary>POST /api/v1/cases/{id}/domains: domains (defanged welcome) and why they belong; or an actor's indicators.</summary>
public sealed record AddDomainsRequest(IReadOnlyList<string>? Domains, string? Reason, string? Actor);

/// <summary>POST /api/v1/cases/{id}/status.</summary>
public sealed record StatusRequest(string? Status, string? Note);

/// <summary>
/// POST /api/v1/cases/{id}/evidence: a note (summary), registration facts (registrar, created,
/// registrant e-mail/name), or an attachment (file name and base64 content).
/// </summary>
public sealed record EvidenceRequest(
    string? Domain,
    string? Kind,
    string? Summary,
    string? Registrar,
    DateTimeOffset? Created,
    string? RegistrantEmail,
    string? RegistrantName,
    string? FileName,
    string? ContentBase64);

/// <summary>POST /api/v1/cases/{id}/pivot: add these candidates (all current candidates when empty).</summary>
public sealed record AddCandidatesRequest(IReadOnlyList<string>? Domains);
