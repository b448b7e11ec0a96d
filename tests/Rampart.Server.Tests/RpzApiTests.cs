using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;
using Rampart.Server.Cases;

namespace Rampart.Server.Tests;

public sealed class RpzApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_publishes_seized_cases_as_a_zone_file_to_readers_and_by_signed_AXFR_and_follows_a_seizure()
    {
        var data = Path.Combine(Path.GetTempPath(), "rampart-server-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var secret = RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(data, "xfr.key");
        await File.WriteAllTextAsync(keyFile, $"key \"rampart-xfr\" {{ algorithm hmac-sha256; secret \"{Convert.ToBase64String(secret)}\"; }};", Ct);
        var app = RampartServer.Build(new ServeOptions(data, null, "http://127.0.0.1:0", ServerFixture.AdminPassword), builder =>
        {
            builder.Configuration["Rpz:Transfer:Enabled"] = "true";
            builder.Configuration["Rpz:Transfer:Port"] = "0";
            builder.Configuration["Rpz:Transfer:KeyFiles:0"] = keyFile;
            builder.Configuration["Rpz:Transfer:SinkholeAddresses:0"] = "192.0.2.53";
        });
        await using var _ = app;
        var (_, addresses) = await RampartServer.StartAsync(app, Ct);
        using var admin = new HttpClient { BaseAddress = new Uri(addresses[0]) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await CreateAdminKeyAsync(app));
        await NewCaseAsync(admin, "hotrnall.com", "seized");
        var draft = await NewCaseAsync(admin, "sealed-lure.net", null);

        var zone = await admin.GetStringAsync("/api/v1/rpz", Ct);
        var refused = await admin.GetAsync($"/api/v1/rpz?case={draft}", Ct);
        var anonymous = await new HttpClient { BaseAddress = new Uri(addresses[0]) }.GetAsync("/api/v1/rpz", Ct);
        var transfer = app.Services.GetRequiredService<RpzTransferHost>().EndPoint!;
        var key = new TsigKey("rampart-xfr", secret);
        // The listener republishes within a poll of the store revision: wait for the seized case to be served.
        var before = await AxfrAsync(transfer, key);
        for (var i = 0; i < 100 && !before.Owners.Contains("*.hotrnall.com.rpz.rampart"); i++)
        {
            await Task.Delay(100, Ct);
            before = await AxfrAsync(transfer, key);
        }

        await MoveToAsync(admin, draft, "seized");
        var after = before;
        for (var i = 0; i < 100 && after.Serial == before.Serial; i++)
        {
            await Task.Delay(100, Ct);
            after = await AxfrAsync(transfer, key);
        }

        Assert.Contains("*.hotrnall.com.rpz.rampart. 300 IN A 192.0.2.53", zone, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed-lure", zone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("*.hotrnall.com.rpz.rampart", before.Owners);
        Assert.DoesNotContain("sealed-lure.net.rpz.rampart", before.Owners);
        Assert.True(after.Serial > before.Serial);
        Assert.Contains("sealed-lure.net.rpz.rampart", after.Owners);
    }

    private static async Task<string> CreateAdminKeyAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var user = (await app.Services.GetRequiredService<Rampart.Core.Identity.IUserStore>().FindWithHashAsync("admin", Ct))!.Value.User;
        var (token, keyId, hash) = Rampart.Core.Identity.ApiKeyToken.Generate();
        await app.Services.GetRequiredService<Rampart.Core.Identity.IApiKeyStore>().CreateAsync(user.Id, "test", keyId, hash, Rampart.Core.Auditing.ChangeContext.System, Ct);
        return token;
    }

    private static async Task<string> NewCaseAsync(HttpClient admin, string domain, string? moveTo)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/cases", new { name = domain }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/cases/{id}/domains", new { domains = new[] { domain } }, Ct)).StatusCode);
        if (moveTo is not null)
        {
            await MoveToAsync(admin, id, moveTo);
        }

        return id;
    }

    private static async Task MoveToAsync(HttpClient admin, string id, string status)
    {
        foreach (var next in new[] { "filed", "granted", "seized" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/cases/{id}/status", new { status = next }, Ct)).StatusCode);
            if (next == status)
            {
                return;
            }
        }
    }

    /// <summary>A signed AXFR over TCP: the serial and every owner name, until the closing SOA.</summary>
    private static async Task<(uint Serial, List<string> Owners)> AxfrAsync(IPEndPoint endPoint, TsigKey key)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endPoint, Ct);
        var stream = client.GetStream();
        var query = new byte[] { 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, (byte)'r', (byte)'p', (byte)'z', 7, (byte)'r', (byte)'a', (byte)'m', (byte)'p', (byte)'a', (byte)'r', (byte)'t', 0, 0, (byte)DnsType.Axfr, 0, 1 };
        var signed = Tsig.Sign(query, key, [], timersOnly: false, Tsig.Now(TimeProvider.System), 300, TsigError.NoError, [], out _);
        var framed = new byte[signed.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)signed.Length);
        signed.CopyTo(framed, 2);
        await stream.WriteAsync(framed, Ct);
        var owners = new List<string>();
        uint serial = 0;
        var soas = 0;
        while (soas < 2)
        {
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, Ct);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(message, Ct);
            Assert.Equal(DnsParseError.None, DnsMessage.TryRead(message, out var read));
            Assert.Equal(0, read!.Header.Rcode);
            foreach (var answer in read.Answers)
            {
                owners.Add(answer.Owner);
                if (answer.Type == DnsType.Soa)
                {
                    soas++;
                    serial = BinaryPrimitives.ReadUInt32BigEndian(answer.Data.AsSpan(^20));
                }
            }
        }

        return (serial, owners);
    }
}
