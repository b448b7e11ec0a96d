using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

/// <summary>Every modifier of the specification's appendix (v2.1): an event it matches and one it does not.</summary>
public sealed class ModifierTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // name, selection (YAML), matching event, non-matching event
        { "plain", "F: abc", """{"F":"ABC"}""", """{"F":"abcd"}""" },
        { "contains", "F|contains: evil", """{"F":"an EVIL thing"}""", """{"F":"good"}""" },
        { "startswith", "F|startswith: adm_", """{"F":"ADM_bob"}""", """{"F":"bob_adm_"}""" },
        { "endswith", "F|endswith: '\\cmd.exe'", """{"F":"C:\\Windows\\cmd.exe"}""", """{"F":"C:\\Windows\\cmd.exe.bak"}""" },
        { "contains|all", "F|contains|all: ['-a', '-b']", """{"F":"x -b -a"}""", """{"F":"x -a"}""" },
        { "all on a list of maps' values", "F|all: ['a*', '*z']", """{"F":"abcz"}""", """{"F":"abc"}""" },
        { "wildcard star", "F: 'a*c'", """{"F":"abbbc"}""", """{"F":"abbbd"}""" },
        { "wildcard question mark", "F: 'prog?.exe'", """{"F":"progA.exe"}""", """{"F":"progAB.exe"}""" },
        { "escaped star is literal", "F: 'a\\*c'", """{"F":"a*c"}""", """{"F":"abc"}""" },
        { "escaped question mark is literal", "F: 'a\\?c'", """{"F":"a?c"}""", """{"F":"abc"}""" },
        { "double backslash before a star is a backslash and a wildcard", "F: 'a\\\\*'", """{"F":"a\\zzz"}""", """{"F":"azzz"}""" },
        { "re", "F|re: '^ab+c$'", """{"F":"abbbc"}""", """{"F":"ABBBC"}""" },
        { "re|i", "F|re|i: '^ab+c$'", """{"F":"ABBBC"}""", """{"F":"ABD"}""" },
        { "re|m", "F|re|m: '^second$'", """{"F":"first\nsecond\nthird"}""", """{"F":"first second"}""" },
        { "re|s", "F|re|s: 'a.b'", """{"F":"a\nb"}""", """{"F":"a\n\nb"}""" },
        { "re without s, dot stops at newline", "F|re: 'a.b'", """{"F":"axb"}""", """{"F":"a\nb"}""" },
        { "cidr v4", "F|cidr: 10.0.0.0/8", """{"F":"10.20.30.40"}""", """{"F":"11.0.0.1"}""" },
        { "cidr v6", "F|cidr: '2001:db8::/32'", """{"F":"2001:db8::1"}""", """{"F":"2001:db9::1"}""" },
        { "cidr list", "F|cidr: ['192.168.0.0/16', '172.16.0.0/12']", """{"F":"172.20.1.1"}""", """{"F":"172.32.0.1"}""" },
        { "base64", "F|base64: evil", """{"F":"ZXZpbA=="}""", """{"F":"evil"}""" },
        { "base64|contains", "F|base64|contains: evil", """{"F":"xxZXZpbA==xx"}""", """{"F":"ZXZpbB=="}""" },
        { "base64offset|contains at offset 0", "F|base64offset|contains: cmd.exe", """{"F":"Y21kLmV4ZQ=="}""", """{"F":"bm90aGluZyBoZXJl"}""" },
        { "base64offset|contains at offset 1", "F|base64offset|contains: cmd.exe", """{"F":"eGNtZC5leGU="}""", """{"F":"cmd.exe"}""" },
        { "base64offset|contains at offset 2", "F|base64offset|contains: cmd.exe", """{"F":"eHhjbWQuZXhl"}""", """{"F":"eHhjbWQu"}""" },
        { "utf16le|base64offset|contains", "F|utf16le|base64offset|contains: cmd.exe", """{"F":"eAB4ACAAYwBtAGQALgBlAHgAZQA="}""", """{"F":"eGNtZC5leGU="}""" },
        { "wide|base64", "F|wide|base64: cmd", """{"F":"YwBtAGQA"}""", """{"F":"Y21k"}""" },
        { "utf16be|base64", "F|utf16be|base64: cmd", """{"F":"AGMAbQBk"}""", """{"F":"YwBtAGQA"}""" },
        { "utf16|base64", "F|utf16|base64: cmd", """{"F":"//5jAG0AZAA="}""", """{"F":"YwBtAGQA"}""" },
        { "utf16le|contains on raw text", "F|utf16le|contains: cmd", """{"F":"x c\u0000m\u0000d\u0000 y"}""", """{"F":"cmd"}""" },
        { "windash", "F|windash|contains: ' -enc '", """{"F":"powershell /enc abc"}""", """{"F":"powershell enc abc"}""" },
        { "windash en dash", "F|windash|contains: ' -enc '", """{"F":"powershell \u2013enc abc"}""", """{"F":"powershell +enc abc"}""" },
        { "exists true", "F|exists: true", """{"F":null}""", """{"G":"x"}""" },
        { "exists false", "F|exists: false", """{"G":"x"}""", """{"F":""}""" },
        { "cased", "F|cased: Abc", """{"F":"Abc"}""", """{"F":"abc"}""" },
        { "cased|contains", "F|cased|contains: Evil", """{"F":"x Evil y"}""", """{"F":"x evil y"}""" },
        { "neq", "F|neq: admin", """{"F":"bob"}""", """{"F":"ADMIN"}""" },
        { "neq list", "F|neq: [admin, root]", """{"F":"bob"}""", """{"F":"root"}""" },
        { "lt", "F|lt: 10", """{"F":9.5}""", """{"F":10}""" },
        { "lte", "F|lte: 10", """{"F":"10"}""", """{"F":11}""" },
        { "gt", "F|gt: 10", """{"F":11}""", """{"F":10}""" },
        { "gte", "F|gte: 10", """{"F":10}""", """{"F":"nine"}""" },
        { "minute", "F|minute: 30", """{"F":"2024-05-01T10:30:00Z"}""", """{"F":"2024-05-01T10:31:00Z"}""" },
        { "hour|gte", "F|hour|gte: 20", """{"F":"2024-05-01T22:00:00Z"}""", """{"F":"2024-05-01T08:00:00Z"}""" },
        { "day", "F|day: 1", """{"F":"2024-05-01T22:00:00Z"}""", """{"F":"2024-05-02T22:00:00Z"}""" },
        { "week", "F|week: 18", """{"F":"2024-05-01T00:00:00Z"}""", """{"F":"2024-06-01T00:00:00Z"}""" },
        { "month", "F|month: 5", """{"F":"2024-05-01T00:00:00Z"}""", """{"F":"2024-06-01T00:00:00Z"}""" },
        { "year|lt", "F|year|lt: 2020", """{"F":"2019-05-01T00:00:00Z"}""", """{"F":"2024-05-01T00:00:00Z"}""" },
        { "fieldref", "F|fieldref: G", """{"F":"Alice","G":"alice"}""", """{"F":"alice","G":"bob"}""" },
        { "fieldref|neq", "F|fieldref|neq: G", """{"F":"alice","G":"bob"}""", """{"F":"alice","G":"alice"}""" },
        { "fieldref|startswith", "F|fieldref|startswith: G", """{"F":"alice@x","G":"alice"}""", """{"F":"bob@x","G":"alice"}""" },
        { "fieldref|endswith", "F|fieldref|endswith: G", """{"F":"mail.example.com","G":"example.com"}""", """{"F":"example.org","G":"example.com"}""" },
        { "fieldref|contains", "F|fieldref|contains: G", """{"F":"xx alice yy","G":"alice"}""", """{"F":"xx bob yy","G":"alice"}""" },
        { "expand", "F|expand: '%Admins%'", """{"F":"root"}""", """{"F":"bob"}""" },
        { "expand with text around and an escaped percent", "F|expand: '\\%x%Admins%'", """{"F":"%xadministrator"}""", """{"F":"xadministrator"}""" },
        { "null", "F: null", """{"G":1}""", """{"F":""}""" },
        { "null matches JSON null", "F: null", """{"F":null}""", """{"F":0}""" },
        { "empty string", "F: ''", """{"F":""}""", """{"F":" "}""" },
        { "boolean", "F: true", """{"F":true}""", """{"F":false}""" },
    };

    private static readonly SigmaCompileOptions Options = new()
    {
        Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["Admins"] = ["root", "administrator"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_modifier_matches_its_positive_event_and_not_its_negative_one(string name, string selection, string positive, string negative)
    {
        var set = Compile(Rule($"""
            selection:
                {selection}
            condition: selection
            """, title: name), Options);

        Assert.True(Matches(set, positive), $"{name}: should match {positive}");
        Assert.False(Matches(set, negative), $"{name}: should not match {negative}");
    }

    [Fact]
    public void Keywords_match_any_value_of_the_event()
    {
        var set = Compile(Rule("""
            keywords:
                - 'event::clear'
                - 'event::drop'
            condition: keywords
            """));

        Assert.True(Matches(set, """{"a":{"b":["x", "mimikatz event::drop"]}}"""));
        Assert.False(Matches(set, """{"a":"event:clear"}"""));
    }

    [Fact]
    public void Keywords_with_all_need_every_keyword_somewhere()
    {
        var set = Compile(Rule("""
            keywords:
                '|all':
                    - 'OabVirtualDirectory'
                    - ' -ExternalUrl '
            condition: keywords
            """));

        Assert.True(Matches(set, """{"cmd":"Set-OabVirtualDirectory","args":"x -ExternalUrl y"}"""));
        Assert.False(Matches(set, """{"cmd":"Set-OabVirtualDirectory"}"""));
    }

    [Fact]
    public void A_placeholder_without_configured_values_is_a_compile_error()
    {
        var error = SingleError(Rule("""
            selection:
                F|expand: '%Unknown%'
            condition: selection
            """));

        Assert.Contains("%Unknown%", error.Reason, StringComparison.Ordinal);
        Assert.Equal(8, error.Line);
    }
}
