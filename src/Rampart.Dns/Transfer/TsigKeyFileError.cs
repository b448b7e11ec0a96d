using System.Globalization;

namespace Rampart.Dns.Transfer;

/// <summary>A problem in a TSIG key file, with where it is and which field.</summary>
public sealed record TsigKeyFileError(string Path, int Line, string Field, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}: {Field}: {Message}");
}
