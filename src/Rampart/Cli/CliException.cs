namespace Rampart.Cli;

/// <summary>A failure to report to the user as one clear line (no stack trace), with an exit code.</summary>
public sealed class CliException(string message, int exitCode = CliException.Failure) : Exception(message)
{
    public const int Failure = 1;

    public int ExitCode { get; } = exitCode;
}
