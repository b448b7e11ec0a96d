using Rampart.Core.Identity;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class IdentityStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    [Fact]
    public async Task A_user_is_stored_with_the_hash_exactly_as_given()
    {
        var store = await OpenAsync();
        const string Hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";

        var created = await store.Users.CreateAsync("bob", Role.Analyst, Hash, Analyst, Ct);
        var found = await store.Users.FindWithHashAsync("bob", Ct);

        Assert.StartsWith("user--", created.Id, StringComparison.Ordinal);
        Assert.Equal((created, Hash), found);
        Assert.Equal(created, await store.Users.GetAsync(created.Id, Ct));
        Assert.Null(await store.Users.FindWithHashAsync("nobody", Ct));
    }

    [Fact]
    public async Task A_taken_user_name_is_rejected_and_changes_nothing()
    {
        var store = await OpenAsync();
        await store.Users.CreateAsync("bob", Role.Reader, "h1", Analyst, Ct);
        var revision = await store.Revision.CurrentAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Users.CreateAsync("bob", Role.Admin, "h2", Analyst, Ct));

        Assert.Equal(revision, await store.Revision.CurrentAsync(Ct));
        Assert.Equal("h1", (await store.Users.FindWithHashAsync("bob", Ct))!.Value.PasswordHash);
        Assert.Single(await store.Users.ListAsync(Ct));
    }

    [Fact]
    public async Task The_first_admin_is_created_only_in_an_empty_store()
    {
        var store = await OpenAsync();

        Assert.True(await store.Users.TryCreateFirstAdminAsync("root", "h", Ct));
        Assert.False(await store.Users.TryCreateFirstAdminAsync("root2", "h", Ct));

        var admin = Assert.Single(await store.Users.ListAsync(Ct));
        Assert.Equal(("root", Role.Admin, false), (admin.Name, admin.Role, admin.Disabled));
    }

    [Fact]
    public async Task Setting_a_password_replaces_the_hash_of_an_existing_user_only()
    {
        var store = await OpenAsync();
        await store.Users.CreateAsync("bob", Role.Reader, "old", Analyst, Ct);

        Assert.True(await store.Users.SetPasswordAsync("bob", "new", Analyst, Ct));
        Assert.False(await store.Users.SetPasswordAsync("nobody", "new", Analyst, Ct));

        Assert.Equal("new", (await store.Users.FindWithHashAsync("bob", Ct))!.Value.PasswordHash);
    }

    [Fact]
    public async Task An_active_api_key_is_found_by_its_key_id_with_its_owner_and_hash_until_revoked()
    {
        var store = await OpenAsync();
        var owner = await store.Users.CreateAsync("svc", Role.Analyst, "h", Analyst, Ct);
        var key = await store.ApiKeys.CreateAsync(owner.Id, "ci", "rk_1234", "sha256:abcd", Analyst, Ct);

        var found = await store.ApiKeys.FindActiveAsync("rk_1234", Ct);

        Assert.NotNull(found);
        Assert.Equal((key, owner, "sha256:abcd"), found.Value);
        Assert.Null(await store.ApiKeys.FindActiveAsync("rk_other", Ct));

        Assert.True(await store.ApiKeys.RevokeAsync("rk_1234", Analyst, Ct));
        var revision = await store.Revision.CurrentAsync(Ct);
        Assert.True(await store.ApiKeys.RevokeAsync("rk_1234", Analyst, Ct));
        Assert.False(await store.ApiKeys.RevokeAsync("rk_missing", Analyst, Ct));

        Assert.Equal(revision, await store.Revision.CurrentAsync(Ct));
        Assert.Null(await store.ApiKeys.FindActiveAsync("rk_1234", Ct));
        Assert.True(Assert.Single(await store.ApiKeys.ListAsync(owner.Id, Ct)).Revoked);
    }

    [Fact]
    public async Task Api_keys_are_listed_per_user_or_all()
    {
        var store = await OpenAsync();
        var a = await store.Users.CreateAsync("a", Role.Reader, "h", Analyst, Ct);
        var b = await store.Users.CreateAsync("b", Role.Reader, "h", Analyst, Ct);
        await store.ApiKeys.CreateAsync(a.Id, "one", "k1", "h1", Analyst, Ct);
        await store.ApiKeys.CreateAsync(a.Id, "two", "k2", "h2", Analyst, Ct);
        await store.ApiKeys.CreateAsync(b.Id, "three", "k3", "h3", Analyst, Ct);

        Assert.Equal(["k1", "k2"], (await store.ApiKeys.ListAsync(a.Id, Ct)).Select(k => k.KeyId).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await store.ApiKeys.ListAsync(null, Ct)).Count);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApiKeys.CreateAsync(b.Id, "dup", "k1", "h", Analyst, Ct));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_across_processes()
    {
        var store = await OpenAsync();
        store.DataProtectionKeys.Store("key-1", "<key id=\"1\"/>");
        store.DataProtectionKeys.Store("key-2", "<key id=\"2\"/>");

        var other = await OpenAsync();

        Assert.Equal(["<key id=\"1\"/>", "<key id=\"2\"/>"], other.DataProtectionKeys.GetAllXml().Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteIdentityStoreTests : IdentityStoreTests<SqliteTarget>;

public sealed class PostgresIdentityStoreTests : IdentityStoreTests<PostgresTarget>;
