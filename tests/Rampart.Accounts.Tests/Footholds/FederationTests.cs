using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>
/// A federation backdoor as a foothold: the phished account, from THALLIUM's address, federates a domain
/// and changes its token-signing settings before the password reset. The domain is its identity; going
/// back to managed authentication (or removing the domain) closes it.
/// </summary>
public sealed class FederationTests
{
    private const string Victim = "victim@contoso.com";

    private const string Federate =
        """{"id":"Directory_5b7c1a2e-0201-4d3e-8f00-000000000201","category":"DirectoryManagement","correlationId":"5b7c1a2e-0201-4d3e-8f00-000000000201","result":"success","resultReason":"","activityDisplayName":"Set domain authentication","activityDateTime":"2026-11-02T09:30:00Z","loggedByService":"Core Directory","operationType":"Update","initiatedBy":{"app":null,"user":{"id":"11111111-1111-4111-8111-111111111111","displayName":"Vic Tim","userPrincipalName":"victim@contoso.com","ipAddress":"203.0.113.66"}},"targetResources":[{"id":null,"displayName":"Partners.Contoso.com","type":"Other","modifiedProperties":[{"displayName":"LiveType","oldValue":"\"Managed\"","newValue":"\"Federated\""},{"displayName":"Included Updated Properties","oldValue":null,"newValue":"\"LiveType\""}]}],"additionalDetails":[]}""";

    private const string NewSigningSettings =
        """{"CreationTime":"2026-11-02T09:31:00","Id":"e0000000-0000-4000-8000-000000000202","Operation":"Set federation settings on domain.","OrganizationId":"d1e2f3a4-0000-4000-8000-000000000001","RecordType":8,"ResultStatus":"Success","UserKey":"10032001A1B2C3D4@contoso.com","UserType":0,"Version":1,"Workload":"AzureActiveDirectory","ClientIP":"203.0.113.66","ObjectId":"partners.contoso.com","UserId":"victim@contoso.com","AzureActiveDirectoryEventType":1,"ModifiedProperties":[{"Name":"IssuerUri","NewValue":"http://any.sts.example/adfs/services/trust","OldValue":""}],"Actor":[{"ID":"victim@contoso.com","Type":5}],"Target":[{"ID":"partners.contoso.com","Type":2}]}""";

    private const string BackToManaged =
        """{"id":"Directory_5b7c1a2e-0203-4d3e-8f00-000000000203","category":"DirectoryManagement","correlationId":"5b7c1a2e-0203-4d3e-8f00-000000000203","result":"success","resultReason":"","activityDisplayName":"Set domain authentication","activityDateTime":"2026-11-07T10:00:00Z","loggedByService":"Core Directory","operationType":"Update","initiatedBy":{"app":null,"user":{"id":"33333333-3333-4333-8333-333333333333","displayName":"Admin","userPrincipalName":"admin@contoso.com","ipAddress":"198.51.100.4"}},"targetResources":[{"id":null,"displayName":"partners.contoso.com","type":"Other","modifiedProperties":[{"displayName":"LiveType","oldValue":"\"Federated\"","newValue":"\"Managed\""}]}],"additionalDetails":[]}""";

    [Fact]
    public async Task A_domain_federated_by_the_intruder_is_one_foothold_that_survives_the_password_reset_with_its_removal_in_the_plan()
    {
        var account = Single(await Audit.ScenarioAsync("phished", Federate, NewSigningSettings));

        var federation = Assert.Single(account.Footholds, f => f.Kind == FootholdKind.Federation);
        Assert.Equal(("partners.contoso.com", "survives the password reset", "high"), (federation.Key, federation.Label, federation.Level));
        Assert.Equal(("Set domain authentication", "domain partners.contoso.com set to federated authentication"), (federation.Created.Operation, federation.Description));
        Assert.Equal(Audit.IntruderAddress, federation.Created.ClientIp);
        var step = Assert.Single(account.Plan.Steps, s => s.Command.Contains("Update-MgDomain", StringComparison.Ordinal));
        Assert.StartsWith("Get-MgDomainFederationConfiguration -DomainId 'partners.contoso.com'", step.Command, StringComparison.Ordinal);
        Assert.Contains("-AuthenticationType Managed", step.Command, StringComparison.Ordinal);
        Assert.Contains("PATCH https://graph.microsoft.com/v1.0/domains/partners.contoso.com {\"authenticationType\":\"Managed\"}", step.Command, StringComparison.Ordinal);
        Assert.Contains("\"Set domain authentication\" for partners.contoso.com with LiveType Managed", step.Confirmation, StringComparison.Ordinal);
        Assert.Equal(5, account.Plan.Steps.Count);
        Assert.StartsWith("Revoke-MgUserSignInSession", account.Plan.Steps[^1].Command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_the_domain_to_managed_authentication_closes_the_federation_foothold()
    {
        var account = Single(await Audit.ScenarioAsync("phished", Federate, NewSigningSettings, BackToManaged));

        var federation = Assert.Single(account.Footholds, f => f.Kind == FootholdKind.Federation);
        Assert.Equal(FootholdClassification.Removed, federation.Classification);
        Assert.Equal("Set domain authentication", federation.Removed!.Operation);
        Assert.DoesNotContain(account.Plan.Steps, s => s.Command.Contains("Update-MgDomain", StringComparison.Ordinal));
        Assert.Contains(account.Plan.Completed, s => s.Command.Contains("Update-MgDomain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returning_a_domain_to_managed_authentication_is_no_foothold_of_its_own()
    {
        var analysis = await Audit.ScenarioAsync("phished", BackToManaged);

        Assert.DoesNotContain(analysis.Accounts.SelectMany(a => a.Footholds), f => f.Kind == FootholdKind.Federation);
    }

    private static AccountReport Single(FootholdAnalysis analysis) => Assert.Single(analysis.Accounts, a => a.Account == Victim);
}
