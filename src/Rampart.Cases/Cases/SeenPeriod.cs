using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Cases.Cases;

/// <summary>The first/last seen times kept in the data of indicator and sighting evidence, as JSON.</summary>
public sealed record SeenPeriod(
    [property: JsonPropertyName("first_seen")] DateTimeOffset FirstSeen,
    [property: JsonPropertyName("last_seen")] DateTimeOffset LastSeen)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The period in evidence data, or null when the data holds none.</summary>
    public static SeenPeriod? FromJson(string? data)
    {
        if (data is null || !data.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SeenPeriod>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
