using Rampart.Cli;

namespace Rampart.Tests;

/// <summary>How a verb's end becomes the exit code and what stderr says (<see cref="CliExit"/>).</summary>
public sealed class CliExitTests
{
    [Fact]
    public async Task An_unexpected_exception_is_reported_as_a_bug_with_its_trace_and_exit_70()
    {
        using var error = new StringWriter();

        var code = await CliExit.RunAsync(() => ThrowDeepAsync("the index is inside out"), error);

        Assert.Equal(70, code);
        var lines = error.ToString().Split('\n');
        Assert.Equal("rampart: internal error (a bug in Rampart; please report it with what follows): System.InvalidOperationException: the index is inside out", lines[0].TrimEnd('\r'));
        Assert.Contains(nameof(ThrowDeepAsync), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_error_is_one_line_with_its_own_exit_code()
    {
        using var error = new StringWriter();

        var code = await CliExit.RunAsync(() => throw new CliException("cannot open the store: it is locked", 3), error);

        Assert.Equal(3, code);
        Assert.Equal("rampart: cannot open the store: it is locked" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task A_cancelled_verb_exits_130_quietly_and_a_finished_one_with_its_own_code()
    {
        using var error = new StringWriter();

        Assert.Equal(130, await CliExit.RunAsync(() => throw new OperationCanceledException(), error));
        Assert.Equal(4, await CliExit.RunAsync(() => Task.FromResult(4), error));
        Assert.Equal(string.Empty, error.ToString());
    }

    private static async Task<int> ThrowDeepAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }
}
