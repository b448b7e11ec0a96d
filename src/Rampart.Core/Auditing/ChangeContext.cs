namespace Rampart.Core.Auditing;

/// <summary>Who makes a change and from where; every write to the store takes one and audits it.</summary>
/// <param name="Who">User name, API key owner, or <c>system</c>.</param>
/// <param name="Channel">CLI, API, console or the platform itself.</param>
/// <param name="From">Remote address for API and console calls, host name for the CLI.</param>
public sealed record ChangeContext(string Who, ChangeChannel Channel, string? From)
{
    public static ChangeContext System { get; } = new("system", ChangeChannel.System, null);

    public static ChangeContext ForCli() =>
        new(Environment.UserName, ChangeChannel.Cli, Environment.MachineName);
}
