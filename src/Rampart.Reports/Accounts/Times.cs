using System.Globalization;

namespace Rampart.Reports.Accounts;

/// <summary>Times as every report shows them: UTC, to the second, sortable.</summary>
public static class Times
{
    public static string Show(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
