using Rampart.Core.Auditing;
using Rampart.Core.Identity;

namespace Rampart.Storage.Platform;

/// <summary>How enums are spelled in the store: lowercase words, the same in both providers.</summary>
internal static class StoreNames
{
    public static string ToStore(ChangeChannel channel) => channel switch
    {
        ChangeChannel.Cli => "cli",
        ChangeChannel.Api => "api",
        ChangeChannel.Console => "console",
        ChangeChannel.System => "system",
    };

    public static ChangeChannel ToChannel(string stored) => stored switch
    {
        "cli" => ChangeChannel.Cli,
        "api" => ChangeChannel.Api,
        "console" => ChangeChannel.Console,
        "system" => ChangeChannel.System,
        _ => throw Unknown("change channel", stored),
    };

    public static string ToStore(Role role) => role switch
    {
        Role.Reader => "reader",
        Role.Analyst => "analyst",
        Role.Admin => "admin",
    };

    public static Role ToRole(string stored) => stored switch
    {
        "reader" => Role.Reader,
        "analyst" => Role.Analyst,
        "admin" => Role.Admin,
        _ => throw Unknown("role", stored),
    };

    private static InvalidOperationException Unknown(string what, string stored) =>
        new($"The store holds an unknown {what} '{stored}'; was it written by a newer version?");
}
