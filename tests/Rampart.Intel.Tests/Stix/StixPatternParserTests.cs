using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Intel.Stix.Patterns;

namespace Rampart.Intel.Tests.Stix;

public sealed class StixPatternParserTests
{
    // Patterns from the STIX 2.1 specification, section 9 (patterning examples).
    [Theory]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']")]
    [InlineData("[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']")]
    [InlineData("[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']")]
    [InlineData("[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']")]
    [InlineData("[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']")]
    [InlineData("[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']")]
    [InlineData("[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar'] WITHIN 300 SECONDS")]
    [InlineData("([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] AND [network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.1']) REPEATS 5 TIMES START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'")]
    [InlineData("[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 180 SECONDS")]
    [InlineData("[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']")]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]")]
    [InlineData("[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']")]
    [InlineData("[network-traffic:dst_port IN (80, 443, 8080) AND network-traffic:src_port NOT = 1]")]
    [InlineData("[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008']")]
    [InlineData("[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']")]
    [InlineData("[file:created > t'2016-01-01T00:00:00.123Z'] /* a comment */ OR [EXISTS file:name] // trailing")]
    [InlineData("[artifact:payload_bin = b'dGVzdA==' AND x-custom:'odd-name'[0] NOT LIKE 'a%']")]
    public void Parses_the_patterns_of_the_specification(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);
        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    [Theory]
    [InlineData("[domain-name:value = 'x.com'", 28, "expected ']'")]
    [InlineData("[domain-name:value = 'x.com]", 21, "string is not closed")]
    [InlineData("domain-name:value = 'x.com'", 0, "expected '[' or '('")]
    [InlineData("[domain-name:value ~ 'x.com']", 19, "unexpected character '~'")]
    [InlineData("[domain-name:value = 'x.com'] WITHIN -5 SECONDS", 37, "positive number")]
    [InlineData("[file:hashes.SHA-256 = 'ab']", 13, "holds a hyphen")]
    [InlineData("[file:created > t'2016-13-01T00:00:00Z']", 16, "timestamp")]
    [InlineData("[file:name = 'a\\x']", 15, "escaped")]
    [InlineData("[file:name = 'a'] AND", 21, "expected '[' or '('")]
    [InlineData("", 0, "expected '[' or '('")]
    public void Reports_an_invalid_pattern_with_the_position_of_the_error(string pattern, int position, string message)
    {
        var result = StixPatternParser.Parse(pattern);
        Assert.False(result.Succeeded);
        Assert.Equal(position, result.Error!.Position);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_an_error_not_a_stack_overflow()
    {
        var deep = new string('(', 10_000) + "[a:b = 1]" + new string(')', 10_000);
        var result = StixPatternParser.Parse(deep);
        Assert.Contains("nested deeper", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforces_simple_comparisons_and_or_of_them_as_normalized_indicators()
    {
        var enforced = Enforce("[domain-name:value = 'Login.Evil.COM'] OR [url:value = 'hxxp://evil[.]net/a' OR ipv4-addr:value ISSUBSET '10.1.0.0/16']"
            + " OR [ipv6-addr:value = '2001:db8::1'] OR [email-addr:value IN ('a@evil.com', 'b@evil.com')]"
            + " OR [file:hashes.'SHA-256' = 'AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F'] OR [file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4']"
            + " OR [ipv4-addr:value = '198.51.100.1/32']");
        Assert.True(enforced.FullyEnforced, string.Join("; ", enforced.NotEnforced));
        Assert.Equal(
            ["domain login.evil.com", "url http://evil.net/a", "cidr 10.1.0.0/16", "ipv6 2001:db8::1", "email a@evil.com", "email b@evil.com",
                "sha256 aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", "md5 79054025255fb1a26e4bc422aef54eb4", "ipv4 198.51.100.1"],
            enforced.Values.Select(v => $"{v.Type.ToWire()} {v.Normalized}"));
    }

    [Theory]
    [InlineData("[domain-name:value = 'a.com' AND domain-name:resolves_to_refs[*].value = '1.2.3.4']", "AND inside an observation")]
    [InlineData("[domain-name:value = 'a.com'] FOLLOWEDBY [url:value = 'http://a.com/']", "FOLLOWEDBY")]
    [InlineData("[domain-name:value = 'a.com'] WITHIN 5 SECONDS", "WITHIN qualifier")]
    [InlineData("[domain-name:value LIKE '%.a.com']", "LIKE does not name one value")]
    [InlineData("[domain-name:value != 'a.com']", "negated")]
    [InlineData("[file:name = 'evil.exe']", "file:name: not a property Rampart indexes")]
    [InlineData("[domain-name:value = 'not a domain']", "domain-name:value:")]
    public void Keeps_what_it_cannot_enforce_flagged_with_the_reason(string pattern, string reason)
    {
        var enforced = Enforce(pattern);
        Assert.Empty(enforced.Values);
        Assert.Contains(enforced.NotEnforced, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_or_with_one_unenforceable_branch_enforces_the_rest_and_says_so()
    {
        var enforced = Enforce("[domain-name:value = 'a.com' OR file:name = 'x.exe']");
        Assert.Equal("a.com", Assert.Single(enforced.Values).Normalized);
        Assert.False(enforced.FullyEnforced);
        Assert.Single(enforced.NotEnforced);
    }

    [Fact]
    public void Never_throws_on_arbitrary_text()
    {
        var alphabet = Gen.OneOf<string>("[", "]", "(", ")", "'", "\\", ":", ".", "=", "!=", " ", "AND", "OR", "NOT", "IN", "t'", "h'", "b'",
            "domain-name", "value", "file", "hashes", "'x.com'", "1", "-2", "3.5", "*", "FOLLOWEDBY", "WITHIN", "SECONDS", "/*", "//", ",", "<", ">=");
        Gen.OneOf(Gen.String, alphabet.Array[0, 30].Select(parts => string.Concat(parts)))
            .Sample(text =>
            {
                var result = StixPatternParser.Parse(text);
                Assert.True(result.Succeeded ^ result.Error is not null);
                if (result.Error is { } error)
                {
                    Assert.InRange(error.Position, 0, text.Length);
                }
                else
                {
                    _ = PatternEnforcement.Analyze(result.Pattern!);
                }
            }, iter: 20_000);
    }

    [Fact]
    public void Every_pattern_built_from_the_grammar_parses()
    {
        var value = Gen.OneOf<string>("'evil.com'", "'it''s'", "42", "-1", "3.14", "true", "h'ff00'", "b'AAAA'", "t'2020-01-01T00:00:00Z'");
        var path = Gen.OneOf<string>("domain-name:value", "file:hashes.'SHA-256'", "network-traffic:dst_ref.value", "file:extensions.'x-y'.list[*].n", "a:b[0]");
        var op = Gen.OneOf<string>("=", "!=", "NOT =", "<", ">=", "==", "<>");
        var test = Gen.Select(path, op, value, (p, o, v) => v == "'it''s'" ? $"{p} {o} 'it\\'s'" : $"{p} {o} {v}")
            .Where(t => !(t.Contains('<', StringComparison.Ordinal) || t.Contains('>', StringComparison.Ordinal)) || !t.EndsWith("true", StringComparison.Ordinal));
        var comparison = test.Array[1, 4].Select(Gen.OneOf<string>(" AND ", " OR "), (tests, join) => string.Join(join, tests));
        var observation = comparison.Select(Gen.OneOf<string>("", " WITHIN 5 SECONDS", " REPEATS 2 TIMES", " START t'2020-01-01T00:00:00Z' STOP t'2020-02-01T00:00:00Z'"),
            (c, q) => $"[{c}]{q}");
        var pattern = observation.Array[1, 4].Select(Gen.OneOf<string>(" AND ", " OR ", " FOLLOWEDBY "), (obs, join) => "(" + string.Join(join, obs) + ")");
        pattern.Sample(p => Assert.True(StixPatternParser.Parse(p).Succeeded, p + ": " + StixPatternParser.Parse(p).Error), iter: 2_000);
    }

    private static EnforceablePattern Enforce(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return PatternEnforcement.Analyze(result.Pattern!);
    }
}
