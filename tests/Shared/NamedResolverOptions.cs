namespace Rampart.Testing;

/// <summary>
/// The <c>options</c> block of a BIND resolver in a test lab: recursion on (RPZ applies only to recursive
/// answers) but no upstream (the root hints are empty and the lab runs under <c>unshare -n</c>), listening on
/// 127.0.0.1:5392 only, its files in the lab folder. One block for every test that runs BIND.
/// </summary>
public static class NamedResolverOptions
{
    public const string Named = "/usr/sbin/named";

    public const int Port = 5392;

    /// <param name="folder">The lab folder: named's directory, pid file and the empty root hints.</param>
    /// <param name="statements">Statements the test adds to the block, e.g. its <c>response-policy</c>.</param>
    public static string Block(string folder, string statements) => $$"""
        options {
          directory "{{folder}}";
          pid-file "{{folder}}/named.pid";
          managed-keys-directory "{{folder}}";
          listen-on port {{Port}} { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion yes;
          allow-query { any; };
          allow-recursion { any; };
          dnssec-validation no;
        {{Indent(statements)}}
        };
        zone "." { type hint; file "{{folder}}/empty.hints"; };
        """;

    private static string Indent(string statements) =>
        string.Join('\n', statements.Split('\n').Select(line => "  " + line.TrimEnd()));
}
