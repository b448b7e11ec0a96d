using System.CommandLine;
using Rampart.Accounts;
using Rampart.Cases;
using Rampart.Cli;
using Rampart.Detection;
using Rampart.Intel;
using Rampart.Platform;
using Rampart.Sinkhole;
using Rampart.Taxii;
using Rampart.Victims;
using Spectre.Console;

// Output piped to a file or another program is not wrapped at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 240;
}

var root = new RootCommand("Rampart: know the adversary, catch the lure, find the footholds, cut off the infrastructure.")
{
    CliOptions.Data,
    CliOptions.Database,
    CliOptions.Server,
    CliOptions.ApiKey,
};

// Each capability adds its verbs with one line.
root.Subcommands.Add(ServeVerb.Create());
root.Subcommands.Add(UsersVerbs.Create());
root.Subcommands.Add(ApiKeysVerbs.Create());
root.Subcommands.Add(ActorsVerbs.Create());
root.Subcommands.Add(IntelVerbs.Create());
root.Subcommands.Add(CheckVerb.Create());
root.Subcommands.Add(RulesVerb.Create());
root.Subcommands.Add(LogsVerbs.Create());
root.Subcommands.Add(AuditVerb.Create());
root.Subcommands.Add(HuntVerb.Create());
root.Subcommands.Add(BrandsVerb.Create());
root.Subcommands.Add(CaseVerbs.Create());
root.Subcommands.Add(RpzVerbs.Create());
root.Subcommands.Add(SinkholeVerb.Create());
root.Subcommands.Add(VictimsVerbs.Create());
root.Subcommands.Add(TaxiiCollectionVerbs.Create());

return await CliExit.RunAsync(() => root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }), Console.Error);
