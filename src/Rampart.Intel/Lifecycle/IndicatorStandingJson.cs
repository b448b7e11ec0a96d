using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Lifecycle;

/// <summary>
/// An indicator as the API and <c>--format json</c> show it: its own fields, unchanged for clients
/// that read them, plus a <c>lifecycle</c> object with its status, score and why.
/// </summary>
public static class IndicatorStandingJson
{
    public static JsonObject Of(Indicator indicator, IndicatorStanding standing, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(indicator, options)!.AsObject();
        node["lifecycle"] = JsonSerializer.SerializeToNode(standing, options);
        return node;
    }
}
