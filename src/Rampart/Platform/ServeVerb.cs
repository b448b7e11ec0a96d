using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rampart.Cli;
using Rampart.Server;
using Rampart.Server.Sinkhole;

namespace Rampart.Platform;

/// <summary><c>rampart serve</c>: the platform on this machine.</summary>
public static class ServeVerb
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; loopback only unless told otherwise; port 0 picks a free port (written to <data>/serve.json)",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
        };
        var sinkhole = new Option<bool>("--sinkhole")
        {
            Description = "Also run the DNS and HTTP sinkhole for every sinkholed case (127.0.0.1, DNS 5300, HTTP 8081; section Sinkhole of the configuration, e.g. Sinkhole__Addresses__0=192.0.2.53)",
        };
        var command = new Command("serve", """
            Start the platform: API, verdicts, workers. Creates and migrates the store on first run and
            creates an `admin` user whose password is printed once (or set RAMPART_ADMIN_PASSWORD).
            Example: rampart serve --data ./rampart-data --urls http://127.0.0.1:8080
            """)
        { urls, sinkhole };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ServeOptions(
                Path.GetFullPath(parse.GetValue(CliOptions.Data)!),
                parse.GetValue(CliOptions.Database),
                parse.GetValue(urls)!,
                Environment.GetEnvironmentVariable("RAMPART_ADMIN_PASSWORD") is { Length: > 0 } password ? password : null);
            await using var app = RampartServer.Build(options, parse.GetValue(sinkhole) ? builder => builder.Configuration["Sinkhole:Enabled"] = "true" : null);
            var (adminPassword, addresses) = await RampartServer.StartAsync(app, ct);
            if (adminPassword is not null)
            {
                Console.WriteLine($"First run: created user 'admin' with password {adminPassword}");
                Console.WriteLine("It is shown only this once; change it with `rampart users passwd admin`.");
            }

            foreach (var address in addresses)
            {
                Console.WriteLine($"Rampart listening on {address}");
            }

            if (app.Services.GetRequiredService<SinkholeHost>().Node is { } node)
            {
                Console.WriteLine($"Rampart sinkhole DNS on {node.Dns.UdpEndPoint} (UDP and TCP){(node.Http is null ? "" : $", HTTP on {node.Http.EndPoint}")}, node {node.Spool.NodeId}");
            }

            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
