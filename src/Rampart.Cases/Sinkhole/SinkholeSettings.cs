using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rampart.Dns.Http;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Cases.Sinkhole;

/// <summary>
/// A sinkhole node as configured: section <c>Sinkhole</c> of <c>rampart serve</c> (switched on by
/// <c>--sinkhole</c> or <c>Enabled</c>), or the flags of <c>rampart sinkhole</c>. Plain values,
/// turned into the node's options with every problem reported at once.
/// </summary>
public sealed class SinkholeSettings
{
    /// <summary>Off unless asked for: <c>serve</c> binds nothing extra by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where DNS and HTTP listen; loopback unless told otherwise.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>DNS over UDP and TCP; 0 picks a free port (written to <c>&lt;data&gt;/sinkhole.json</c>).</summary>
    public int DnsPort { get; set; } = SinkholeServerOptions.DefaultPort;

    public bool Http { get; set; } = true;

    /// <summary>HTTP sinkhole port; 0 picks a free one.</summary>
    public int HttpPort { get; set; } = HttpSinkholeOptions.DefaultPort;

    /// <summary>TLS ports of the HTTP sinkhole, each answered like <see cref="HttpPort"/> and recording the client's server name (SNI); 0 picks a free one.</summary>
    public IList<int> HttpsPorts { get; } = [];

    /// <summary>The certificate the TLS ports present: a PEM file (with <see cref="TlsKey"/>, or the key in the same file) or a PKCS#12 file (.pfx, .p12).</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificate"/>, when it is a separate file.</summary>
    public string? TlsKey { get; set; }

    /// <summary>The password of a PKCS#12 file or an encrypted PEM key. Never logged; prefer the environment (<c>Sinkhole__TlsPassword</c>).</summary>
    public string? TlsPassword { get; set; }

    /// <summary>200 (the page), 204, 404 or 410.</summary>
    public int HttpStatus { get; set; } = 200;

    /// <summary>An HTML file answered with 200 instead of the built-in notice.</summary>
    public string? HttpPage { get; set; }

    /// <summary>The addresses answered for every sinkholed name (A and AAAA); empty: <see cref="Address"/>.</summary>
    public IList<string> Addresses { get; } = [];

    /// <summary>NS names claimed at each apex; empty: the built-in <c>ns1/ns2.sinkhole.invalid</c>.</summary>
    public IList<string> NameServers { get; } = [];

    public string? Hostmaster { get; set; }

    public int Ttl { get; set; } = (int)SinkholeZoneSettings.Default.Ttl;

    /// <summary>UDP receive threads and HTTP event loops.</summary>
    public int Loops { get; set; } = new SinkholeServerOptions().UdpLoops;

    /// <summary>The power-loss window: written hits are forced to disk this often (0: before every answer).</summary>
    public int FsyncMilliseconds { get; set; } = 1000;

    /// <summary>This node's id in hit ids; empty: generated once and kept in the spool folder.</summary>
    public string? NodeId { get; set; }

    /// <summary>Spooled bytes not yet in the store past which the node reports itself not ready (default 4 GiB).</summary>
    public long MaxPendingBytes { get; set; } = new SpoolOptions { Directory = "." }.MaxPendingBytes;

    /// <summary>Move hits into the store from this process; off when another process does (benchmarks).</summary>
    public bool Ingest { get; set; } = true;

    /// <summary>The node's listeners and spool (in <c>&lt;data&gt;/sinkhole/spool</c>); <paramref name="problems"/> lists every bad value.</summary>
    public SinkholeNodeOptions ToNodeOptions(string dataFolder, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(Address, out var address))
        {
            errors.Add($"Address: '{Address}' is not an IP address");
        }

        foreach (var (name, port) in new[] { (nameof(DnsPort), DnsPort), (nameof(HttpPort), HttpPort) }.Concat(HttpsPorts.Select(p => (nameof(HttpsPorts), p))))
        {
            if (port is < 0 or > 65535)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {port} is not a port (0 picks a free one)"));
            }
        }

        if (!HttpSinkholeResponse.IsAllowed(HttpStatus))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"HttpStatus: {HttpStatus} is not 200, 204, 404 or 410"));
        }

        var response = new HttpSinkholeResponse { Status = HttpStatus };
        if (HttpPage is { Length: > 0 } page)
        {
            if (File.Exists(page))
            {
                response = response with { Page = File.ReadAllText(page) };
            }
            else
            {
                errors.Add($"HttpPage: {page}: no such file");
            }
        }

        var certificate = HttpsPorts.Count == 0 ? null : LoadCertificate(errors);
        if (FsyncMilliseconds < 0)
        {
            errors.Add("FsyncMilliseconds: 0 or more");
        }

        if (MaxPendingBytes <= 0)
        {
            errors.Add("MaxPendingBytes: more than 0");
        }

        problems = errors;
        var loops = Math.Max(1, Loops);
        address ??= IPAddress.Loopback;
        return new SinkholeNodeOptions
        {
            Dns = new SinkholeServerOptions { Address = address, Port = DnsPort, UdpLoops = loops },
            Http = Http ? new HttpSinkholeOptions { Address = address, Port = HttpPort, Loops = loops, Response = response, TlsPorts = [.. HttpsPorts], Certificate = certificate } : null,
            Spool = new SpoolOptions
            {
                Directory = Path.Combine(dataFolder, "sinkhole", "spool"),
                NodeId = string.IsNullOrWhiteSpace(NodeId) ? null : NodeId,
                FsyncInterval = TimeSpan.FromMilliseconds(Math.Max(0, FsyncMilliseconds)),
                MaxPendingBytes = MaxPendingBytes,
            },
        };
    }

    /// <summary>The TLS certificate with its private key; null (and the reason in <paramref name="errors"/>) when it cannot be read.</summary>
    private X509Certificate2? LoadCertificate(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(TlsCertificate))
        {
            errors.Add("TlsCertificate: HttpsPorts need a certificate (PEM with TlsKey, or a .pfx/.p12 file)");
            return null;
        }

        foreach (var (name, path) in new[] { (nameof(TlsCertificate), TlsCertificate), (nameof(TlsKey), TlsKey) })
        {
            if (path is { Length: > 0 } && !File.Exists(path))
            {
                errors.Add($"{name}: {path}: no such file");
                return null;
            }
        }

        try
        {
            var pkcs12 = TlsCertificate.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || TlsCertificate.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
            var certificate = pkcs12 ? X509CertificateLoader.LoadPkcs12FromFile(TlsCertificate, TlsPassword)
                : string.IsNullOrEmpty(TlsPassword) ? X509Certificate2.CreateFromPemFile(TlsCertificate, string.IsNullOrEmpty(TlsKey) ? null : TlsKey)
                : X509Certificate2.CreateFromEncryptedPemFile(TlsCertificate, TlsPassword, string.IsNullOrEmpty(TlsKey) ? null : TlsKey);
            if (!certificate.HasPrivateKey)
            {
                errors.Add($"TlsCertificate: {TlsCertificate}: no private key (give TlsKey)");
                certificate.Dispose();
                return null;
            }

            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The message names what is wrong with the file, never the password.
            errors.Add($"TlsCertificate: {TlsCertificate}: {ex.Message}");
            return null;
        }
    }

    /// <summary>What the zones of sinkholed cases share: the answered addresses, NS, SOA mailbox and TTL.</summary>
    public SinkholeZoneSettings ToZoneSettings(out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (var text in Addresses.Count > 0 ? Addresses : [Address])
        {
            if (IPAddress.TryParse(text, out var answer) && !answer.Equals(IPAddress.Any) && !answer.Equals(IPAddress.IPv6Any))
            {
                addresses.Add(answer);
            }
            else
            {
                errors.Add(Addresses.Count > 0
                    ? $"Addresses: '{text}' is not an IP address to answer with"
                    : $"Addresses: the listen address '{text}' cannot be answered; name the sinkhole's public addresses");
            }
        }

        if (Ttl < 0)
        {
            errors.Add("Ttl: 0 or more seconds");
        }

        problems = errors;
        var settings = SinkholeZoneSettings.Default with { Addresses = addresses, Ttl = (uint)Math.Max(0, Ttl) };
        if (NameServers.Count > 0)
        {
            settings = settings with { NameServers = [.. NameServers] };
        }

        if (!string.IsNullOrWhiteSpace(Hostmaster))
        {
            settings = settings with { Hostmaster = Hostmaster };
        }

        return settings;
    }
}
