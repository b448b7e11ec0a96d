using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rampart.Testing;

namespace Rampart.Cases.Tests.Rpz;

/// <summary>
/// Real Unbound and BIND (Debian packages in .ci/apt/cases.txt) loading an RPZ zone file, with
/// recursion on and no upstream, inside their own network namespace (<c>unshare -n</c>, only
/// loopback): nothing can leave, and the fixed ports inside cannot collide with any other test.
/// One script starts both, asks each with dig and prints one line per answer.
/// </summary>
internal static class ResolverLab
{
    public const string Unbound = "/usr/sbin/unbound";
    public const string Named = NamedResolverOptions.Named;
    public const string Dig = "/usr/bin/dig";
    private const string Unshare = "/usr/bin/unshare";

    public static void SkipUnlessAvailable()
    {
        foreach (var tool in new[] { Unbound, Named, Dig, Unshare })
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

    /// <summary>Each name asked of both servers: (server, name) → (status, answer lines).</summary>
    public static async Task<Dictionary<(string Server, string Name), (string Status, string Answer)>> AskAsync(string zoneOrigin, string zoneFile, IReadOnlyList<string> names)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-rpz-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var zonePath = Path.Combine(folder, "rpz.zone");
        await File.WriteAllTextAsync(zonePath, zoneFile, TestContext.Current.CancellationToken);
        var origin = zoneOrigin.TrimEnd('.');
        await File.WriteAllTextAsync(Path.Combine(folder, "unbound.conf"), $"""
            server:
              interface: 127.0.0.1
              port: 5391
              do-daemonize: no
              chroot: ""
              username: ""
              directory: "{folder}"
              pidfile: "{folder}/unbound.pid"
              use-syslog: no
              logfile: "{folder}/unbound.log"
              verbosity: 1
              access-control: 127.0.0.0/8 allow
              module-config: "respip iterator"
              do-not-query-address: 0.0.0.0/0
              do-not-query-address: ::/0
              do-not-query-localhost: yes
            rpz:
              name: "{origin}."
              zonefile: "{zonePath}"
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.hints"), "", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "named.conf"), $$"""
            {{NamedResolverOptions.Block(folder, $"response-policy {{ zone \"{origin}\"; }} qname-wait-recurse no;")}}
            zone "{{origin}}" { type primary; file "{{zonePath}}"; };
            """, TestContext.Current.CancellationToken);

        var script = new StringBuilder($"""
            ip link set lo up
            {Unbound} -d -c {folder}/unbound.conf > {folder}/unbound.out 2>&1 & U=$!
            {Named} -g -c {folder}/named.conf > {folder}/named.log 2>&1 & N=$!
            for port in 5391 5392; do
              for i in $(seq 1 100); do
                {Dig} @127.0.0.1 -p $port version.bind CH TXT +time=1 +tries=1 > /dev/null 2>&1 && break
                sleep 0.1
              done
            done

            """);
        foreach (var (server, port) in new[] { ("unbound", 5391), ("bind", 5392) })
        {
            foreach (var name in names)
            {
                script.Append(CultureInfo.InvariantCulture,
                    $"out=$({Dig} @127.0.0.1 -p {port} {name} A +time=3 +tries=1 +noall +comments +answer 2>&1); ")
                    .Append(CultureInfo.InvariantCulture, $"echo \"RESULT {server} {name} $(echo \"$out\" | sed -n 's/.*status: \\([A-Z]*\\).*/\\1/p' | head -1) $(echo \"$out\" | grep -v '^;' | grep -v '^$' | awk '{{print $4\"=\"$5}}' | tr '\\n' ' ')\"\n");
            }
        }

        script.Append("kill $U $N; wait\n");
        var scriptPath = Path.Combine(folder, "ask.sh");
        await File.WriteAllTextAsync(scriptPath, script.ToString(), TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo(Unshare) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", "/bin/sh", scriptPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout;
        var results = new Dictionary<(string, string), (string, string)>();
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 5);
            results[(parts[1], parts[2])] = (parts[3], parts.Length > 4 ? parts[4].Trim() : "");
        }

        if (results.Count != names.Count * 2)
        {
            var logs = string.Join("\n", new[] { "unbound.out", "unbound.log", "named.log" }
                .Select(f => Path.Combine(folder, f)).Where(File.Exists).Select(f => $"--- {f}\n{File.ReadAllText(f)}"));
            Assert.Fail($"the resolvers did not answer every query:\n{output}\n{await stderr}\n{logs}");
        }

        return results;
    }
}
