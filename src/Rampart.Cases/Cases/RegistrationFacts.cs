using System.Text.Json;
using System.Text.Json.Serialization;
using Rampart.Core.Cases;

namespace Rampart.Cases.Cases;

/// <summary>Registration facts a user supplies for a domain (from a registry, a WHOIS lookup, a court filing).</summary>
public sealed record RegistrationFacts(
    [property: JsonPropertyName("registrar")] string? Registrar,
    [property: JsonPropertyName("created")] DateTimeOffset? Created,
    [property: JsonPropertyName("registrant_email")] string? RegistrantEmail,
    [property: JsonPropertyName("registrant_name")] string? RegistrantName)
{
    /// <summary>The evidence row: captured at the creation date when given, else at <paramref name="now"/>.</summary>
    public NewEvidence ToEvidence(string domain, string source, DateTimeOffset now)
    {
        var parts = new List<string>();
        if (Registrar is not null)
        {
            parts.Add($"registrar {Registrar}");
        }

        if (Created is { } created)
        {
            parts.Add($"created {created.UtcDateTime:yyyy-MM-dd}");
        }

        if (RegistrantEmail is not null)
        {
            parts.Add($"registrant e-mail {RegistrantEmail}");
        }

        if (RegistrantName is not null)
        {
            parts.Add($"registrant {RegistrantName}");
        }

        return new NewEvidence(domain, EvidenceKind.Registration, Created ?? now, source, string.Join("; ", parts), JsonSerializer.Serialize(this));
    }
}
