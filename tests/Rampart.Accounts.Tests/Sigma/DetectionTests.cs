using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

public sealed class DetectionTests
{
    [Fact]
    public void A_map_links_its_fields_with_and()
    {
        var set = Compile(Rule("""
            selection:
                Operation: New-InboxRule
                ResultStatus: Succeeded
            condition: selection
            """));

        Assert.True(Matches(set, """{"Operation":"New-InboxRule","ResultStatus":"Succeeded"}"""));
        Assert.False(Matches(set, """{"Operation":"New-InboxRule","ResultStatus":"Failed"}"""));
    }

    [Fact]
    public void Field_names_match_ignoring_case_and_values_ignoring_case()
    {
        var set = Compile(Rule("""
            selection:
                operationName: add member to role
            condition: selection
            """));

        Assert.True(Matches(set, """{"OperationName":"Add member to role"}"""));
    }

    [Fact]
    public void A_list_of_values_is_linked_with_or()
    {
        var set = Compile(Rule("""
            selection:
                EventID:
                    - 4624
                    - 4625
            condition: selection
            """));

        Assert.True(Matches(set, """{"EventID":4625}"""));
        Assert.True(Matches(set, """{"EventID":"4624"}"""));
        Assert.False(Matches(set, """{"EventID":4626}"""));
    }

    [Fact]
    public void A_dotted_field_reaches_into_nested_objects()
    {
        var set = Compile(Rule("""
            selection:
                Status.errorCode: 50126
            condition: selection
            """));

        Assert.True(Matches(set, """{"status":{"errorCode":50126}}"""));
        Assert.False(Matches(set, """{"status":{"errorCode":0}}"""));
    }

    [Fact]
    public void Windows_event_json_fields_are_found_under_event_data()
    {
        var set = Compile(Rule("""
            selection:
                TargetUserName: admin
            condition: selection
            """));

        Assert.True(Matches(set, """{"Event":{"EventData":{"TargetUserName":"admin"}}}"""));
    }

    [Fact]
    public void An_array_field_matches_when_any_element_matches()
    {
        var set = Compile(Rule("""
            selection:
                Recipients|endswith: '@evil.example'
            condition: selection
            """));

        Assert.True(Matches(set, """{"Recipients":["a@good.example","b@evil.example"]}"""));
        Assert.False(Matches(set, """{"Recipients":["a@good.example"]}"""));
    }

    [Fact]
    public void Rules_apply_only_to_events_of_their_log_source()
    {
        var set = Compile(Rule("""
            selection:
                Operation: Set-Mailbox
            condition: selection
            """));

        Assert.True(Matches(set, """{"Operation":"Set-Mailbox"}""", new SigmaLogSource("m365", "exchange", null)));
        Assert.False(Matches(set, """{"Operation":"Set-Mailbox"}""", new SigmaLogSource("azure", "signinlogs", null)));
        Assert.Equal(0, set.RuleCountFor(new SigmaLogSource("azure", "signinlogs", null)));
    }

    [Fact]
    public void A_dotted_field_reaches_through_arrays_of_objects()
    {
        var set = Compile(Rule("""
            selection:
                Parameters.Value|endswith: '@external.example'
            condition: selection
            """));

        Assert.True(Matches(set, """{"Parameters":[{"Name":"Identity","Value":"bob"},{"Name":"ForwardTo","Value":"x@external.example"}]}"""));
        Assert.False(Matches(set, """{"Parameters":[{"Name":"ForwardTo","Value":"x@contoso.example"}]}"""));
    }
}
