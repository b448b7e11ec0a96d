using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Rampart.Testing;

namespace Rampart.Tests;

/// <summary>
/// Real BIND as a secondary of <c>rampart rpz serve</c>: both run inside their own network namespace
/// (<c>unshare -n</c>: only loopback, nothing leaves, fixed ports cannot collide), BIND pulls the RPZ
/// by AXFR signed with TSIG (hmac-sha256) and applies it as a resolver with recursion on and no
/// upstream; dig checks the answers and that transfers without the key, or with another, are refused.
/// Seizing a case while both run makes Rampart NOTIFY BIND, which then transfers the new serial.
/// </summary>
public sealed class RpzTransferTests
{
    private const string Named = NamedResolverOptions.Named;
    private const string Dig = "/usr/bin/dig";
    private const string Unshare = "/usr/bin/unshare";

    [Fact]
    public async Task BIND_pulls_the_zone_by_AXFR_with_TSIG_answers_the_policy_and_gets_a_seizure_by_NOTIFY_while_unsigned_or_wrongly_signed_transfers_are_refused()
    {
        SkipUnlessAvailable();
        var data = RampartCli.NewDataFolder();
        var seized = (await RampartCli.RunAsync(data, "case", "new", "seized lures")).Stdout.Trim();
        Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "add", seized, "hotrnall.com", "hanrnaii.net")).ExitCode);
        foreach (var status in new[] { "filed", "granted", "seized" })
        {
            Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "status", seized, status)).ExitCode);
        }

        var draft = (await RampartCli.RunAsync(data, "case", "new", "sealed draft")).Stdout.Trim();
        Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "add", draft, "sealed-lure.net")).ExitCode);

        var results = await RunInNamespaceAsync(data, draft);

        Assert.Equal("192.0.2.53", results["bind hotrnall.com"]);
        Assert.Equal("192.0.2.53", results["bind login.secure.hotrnall.com"]);
        Assert.Equal("192.0.2.53", results["bind hanrnaii.net"]);
        Assert.NotEqual("192.0.2.53", results["bind sealed-lure.net"]);
        Assert.NotEqual("192.0.2.53", results["bind example.org"]);
        Assert.DoesNotContain("sealed-lure", results["axfr key"], StringComparison.Ordinal);
        Assert.Contains("*.hotrnall.com.rpz.rampart.", results["axfr key"], StringComparison.Ordinal);
        Assert.Contains("Transfer failed.", results["axfr none"], StringComparison.Ordinal);
        Assert.DoesNotContain("IN A", results["axfr none"], StringComparison.Ordinal);
        Assert.Contains("BADSIG", results["axfr wrong"], StringComparison.Ordinal);
        Assert.DoesNotContain("IN A", results["axfr wrong"], StringComparison.Ordinal);
        Assert.Equal("192.0.2.53", results["bind after seizure sealed-lure.net"]);
        Assert.Contains("notify from 127.0.0.1", results["named notify"], StringComparison.Ordinal);
    }

    private static void SkipUnlessAvailable()
    {
        foreach (var tool in new[] { Named, Dig, Unshare })
        {
            if (!File.Exists(tool))
            {
                Assert.Skip($"skipped: {tool} is not installed (apt-get install the packages in .ci/apt/cases.txt)");
            }
        }

        if (Environment.UserName != "root")
        {
            Assert.Skip("skipped: unshare -n needs root");
        }
    }

    /// <summary>One script inside the namespace; each result is a line "RESULT name|value".</summary>
    private static async Task<Dictionary<string, string>> RunInNamespaceAsync(string data, string draft)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateDirectory(Path.Combine(data, "lab")).FullName;
        RampartCli.WriteFile(folder, "xfr.key", Key("rampart-xfr"));
        RampartCli.WriteFile(folder, "wrong.key", Key("rampart-xfr"));
        RampartCli.WriteFile(folder, "empty.hints", "");
        RampartCli.WriteFile(folder, "named.conf", $$"""
            include "{{folder}}/xfr.key";
            {{NamedResolverOptions.Block(folder, """
                notify no;
                response-policy { zone "rpz.rampart" min-update-interval 0; } qname-wait-recurse no;
                """)}}
            zone "rpz.rampart" { type secondary; primaries port 5301 { 127.0.0.1 key rampart-xfr; }; file "{{folder}}/rpz.rampart.db"; };
            """);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var rampart = $"{dotnet} {RampartCli.Dll} --data {data}";
        var ask = $"{Dig} @127.0.0.1 -p 5392 +time=2 +tries=1 +short";
        var script = new StringBuilder($"""
            ip link set lo up
            cd {folder}
            {rampart} rpz serve --sinkhole 192.0.2.53 --key-file {folder}/xfr.key --port 5301 --notify 127.0.0.1:5392 > rampart.out 2>&1 & R=$!
            for i in $(seq 1 200); do {Dig} @127.0.0.1 -p 5301 rpz.rampart SOA -k xfr.key +time=1 +tries=1 +short 2>/dev/null | grep -q localhost && break; sleep 0.1; done
            {Named} -g -c {folder}/named.conf > named.log 2>&1 & N=$!
            for i in $(seq 1 200); do [ "$({ask} hotrnall.com A)" = "192.0.2.53" ] && break; sleep 0.1; done
            for name in hotrnall.com login.secure.hotrnall.com hanrnaii.net sealed-lure.net example.org; do
              echo "RESULT bind $name|$({ask} $name A | tr '\n' ' ' | sed 's/ $//')"
            done
            echo "RESULT axfr key|$({Dig} @127.0.0.1 -p 5301 rpz.rampart AXFR -k xfr.key | tr '\n' ' ')"
            echo "RESULT axfr none|$({Dig} @127.0.0.1 -p 5301 rpz.rampart AXFR 2>&1 | tr '\n' ' ')"
            echo "RESULT axfr wrong|$({Dig} @127.0.0.1 -p 5301 rpz.rampart AXFR -k wrong.key 2>&1 | tr '\n' ' ')"
            for status in filed granted seized; do {rampart} case status {draft} $status > /dev/null; done
            for i in $(seq 1 150); do [ "$({ask} sealed-lure.net A)" = "192.0.2.53" ] && break; sleep 0.1; done
            echo "RESULT bind after seizure sealed-lure.net|$({ask} sealed-lure.net A | tr '\n' ' ' | sed 's/ $//')"
            echo "RESULT named notify|$(grep -i 'notify from' named.log | tr '\n' ' ')"
            kill $R $N; wait

            """);
        var scriptPath = RampartCli.WriteFile(folder, "lab.sh", script.ToString());
        var start = new ProcessStartInfo(Unshare) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", "/bin/sh", scriptPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var results = (await stdout).Split('\n').Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Select(l => l["RESULT ".Length..].Split('|', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Trim() : "");
        if (results.Count != 10)
        {
            var logs = string.Join("\n", new[] { "rampart.out", "named.log" }.Select(f => Path.Combine(folder, f)).Where(File.Exists).Select(f => $"--- {f}\n{File.ReadAllText(f)}"));
            Assert.Fail($"the lab did not report every result:\n{await stdout}\n{await stderr}\n{logs}");
        }

        return results;
    }

    /// <summary>A fresh key in the form tsig-keygen writes, read by BIND, dig and Rampart alike.</summary>
    private static string Key(string name) => $$"""
        key "{{name}}" {
        	algorithm hmac-sha256;
        	secret "{{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}}";
        };

        """;
}
