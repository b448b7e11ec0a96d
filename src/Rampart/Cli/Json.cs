using System.Text.Json;
using Rampart.Server.Platform;

namespace Rampart.Cli;

/// <summary>The CLI prints and reads JSON exactly as the API does.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        PlatformServiceCollectionExtensions.ConfigureJson(options);
        return options;
    }
}
