using Microsoft.Extensions.DependencyInjection;

namespace Rampart.Server.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The accounts capability's server parts. Its stores come with the engines (RampartComposition); the rule endpoints need nothing more yet.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services;
}
