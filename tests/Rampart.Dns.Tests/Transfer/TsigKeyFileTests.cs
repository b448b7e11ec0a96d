using Rampart.Dns.Transfer;

namespace Rampart.Dns.Tests.Transfer;

public sealed class TsigKeyFileTests
{
    private const string Secret = "xziFrgtuqQiDRsBoAPaoDRMgkQoENJJs32ZxW+2Jhus=";

    [Fact]
    public void Reads_what_tsig_keygen_writes_with_comments_around_it()
    {
        var text = $$"""
            # made by tsig-keygen -a hmac-sha256 rampart-xfr
            key "rampart-xfr" {
            	algorithm hmac-sha256;
            	secret "{{Secret}}"; // the shared secret
            };
            /* a second key
               for another secondary */
            key "Other.Key." { algorithm HMAC-SHA256; secret "{{Secret}}"; };
            """;

        var keys = TsigKeyFile.Parse(text, "k.key", out var errors);

        Assert.Empty(errors);
        Assert.Equal(["rampart-xfr", "other.key"], keys.Select(k => k.Name));
        Assert.DoesNotContain(Secret, keys[0].ToString(), StringComparison.Ordinal);
        Assert.Contains(keys[0].Fingerprint, keys[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key \"a\" {\n algorithm hmac-md5;\n secret \"" + Secret + "\";\n};", 1, "algorithm")]
    [InlineData("key \"a\" {\n algorithm hmac-sha256;\n secret \"not base64\";\n};", 3, "secret")]
    [InlineData("key \"a\" {\n algorithm hmac-sha256;\n};", 1, "secret")]
    [InlineData("key \"a\" {\n algorithm hmac-sha256;\n secret \"c2hvcnQ=\";\n};", 1, "key")]
    [InlineData("options { };", 1, "statement")]
    [InlineData("key \"a\" {\n algorithm hmac-sha256;\n secret \"abc\n};", 3, "string")]
    [InlineData("\n\nkey \"a\" { algorithm hmac-sha256; secret \"" + Secret + "\"; colour blue; };", 3, "colour")]
    public void A_bad_key_is_left_out_with_its_line_and_field(string text, int line, string field)
    {
        var keys = TsigKeyFile.Parse(text, "k.key", out var errors);

        Assert.Empty(keys);
        var error = errors[0];
        Assert.Equal(("k.key", line, field), (error.Path, error.Line, error.Field));
        Assert.DoesNotContain(Secret, string.Join("\n", errors), StringComparison.Ordinal);
    }
}
