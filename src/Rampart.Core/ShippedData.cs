namespace Rampart.Core;

/// <summary>Opens a data file from <c>data/</c> embedded in this assembly (see <c>Rampart.Core.csproj</c>).</summary>
internal static class ShippedData
{
    public static StreamReader Open(string logicalName) =>
        new(typeof(ShippedData).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"the shipped {logicalName} is missing from the assembly"));
}
