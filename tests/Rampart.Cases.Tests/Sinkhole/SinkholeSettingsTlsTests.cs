using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rampart.Cases.Sinkhole;

namespace Rampart.Cases.Tests.Sinkhole;

/// <summary>The TLS settings of a sinkhole node: the certificate read from PEM or PKCS#12 files, every problem named.</summary>
public sealed class SinkholeSettingsTlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rampart-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static X509Certificate2 SelfSigned(ECDsa key) =>
        new CertificateRequest("CN=sinkhole.test", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

    private static SinkholeSettings Settings(string? certificate, string? key = null, string? password = null)
    {
        var settings = new SinkholeSettings { TlsCertificate = certificate, TlsKey = key, TlsPassword = password };
        settings.HttpsPorts.Add(0);
        settings.HttpsPorts.Add(8443);
        return settings;
    }

    [Fact]
    public void A_PEM_certificate_and_key_become_the_TLS_ports_certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        var certPath = Path.Combine(_folder, "sinkhole.pem");
        var keyPath = Path.Combine(_folder, "sinkhole.key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());

        var options = Settings(certPath, keyPath).ToNodeOptions(_folder, out var problems);

        Assert.Empty(problems);
        Assert.Equal([0, 8443], options.Http!.TlsPorts);
        Assert.True(options.Http.Certificate!.HasPrivateKey);
        Assert.Equal(certificate.Thumbprint, options.Http.Certificate.Thumbprint);
    }

    [Fact]
    public void A_PKCS12_file_opens_with_its_password_and_a_wrong_one_is_reported_without_being_repeated()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        var pfx = Path.Combine(_folder, "sinkhole.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "s3cret-pfx"));

        var good = Settings(pfx, password: "s3cret-pfx").ToNodeOptions(_folder, out var goodProblems);
        Settings(pfx, password: "wrong-guess").ToNodeOptions(_folder, out var badProblems);

        Assert.Empty(goodProblems);
        Assert.Equal(certificate.Thumbprint, good.Http!.Certificate!.Thumbprint);
        var problem = Assert.Single(badProblems);
        Assert.StartsWith($"TlsCertificate: {pfx}: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-guess", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TLS_ports_without_a_usable_certificate_are_refused_with_the_reason()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        var certOnly = Path.Combine(_folder, "cert-only.pem");
        File.WriteAllText(certOnly, certificate.ExportCertificatePem());

        Settings(null).ToNodeOptions(_folder, out var none);
        Settings(Path.Combine(_folder, "missing.pem")).ToNodeOptions(_folder, out var missing);
        Settings(certOnly).ToNodeOptions(_folder, out var keyless);
        var badPort = Settings(certOnly);
        badPort.HttpsPorts.Add(70000);
        badPort.ToNodeOptions(_folder, out var port);

        Assert.StartsWith("TlsCertificate: HttpsPorts need a certificate", Assert.Single(none), StringComparison.Ordinal);
        Assert.EndsWith("missing.pem: no such file", Assert.Single(missing), StringComparison.Ordinal);
        Assert.StartsWith("TlsCertificate: ", Assert.Single(keyless), StringComparison.Ordinal);
        Assert.Contains(port, p => p.StartsWith("HttpsPorts: 70000 is not a port", StringComparison.Ordinal));
    }
}
