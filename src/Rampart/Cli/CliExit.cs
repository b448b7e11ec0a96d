namespace Rampart.Cli;

/// <summary>
/// How a verb's end becomes the process's exit: a <see cref="CliException"/> is the user's error, said in one line;
/// a cancellation (Ctrl-C) is 130, as shells report SIGINT; anything else is a bug in Rampart, said as one, with the
/// stack trace to report it by, and exit 70 (EX_SOFTWARE). Before, an unexpected exception escaped: .NET printed
/// "Unhandled exception" and aborted the process (exit 134, SIGABRT, and a core file where they are enabled).
/// </summary>
internal static class CliExit
{
    /// <summary>sysexits.h's EX_SOFTWARE: an internal software error.</summary>
    public const int InternalError = 70;

    public const int Cancelled = 130;

    public static async Task<int> RunAsync(Func<Task<int>> verb, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await verb().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"rampart: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return Cancelled;
        }
        catch (Exception ex)
        {
            // The type and message first, on one line a script can grep; the trace after it for the bug report.
            await error.WriteLineAsync($"rampart: internal error (a bug in Rampart; please report it with what follows): {ex.GetType().FullName}: {ex.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            return InternalError;
        }
    }
}
