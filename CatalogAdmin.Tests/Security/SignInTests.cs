using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CatalogAdmin.Tests.Security;

/// <summary>
/// Sign-in answers an unknown email, a wrong password and a locked account alike, after the same work; failures lock
/// nothing; and what is logged names the account and the address, never the password.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = "Sign-In-Test-Passphrase";
    private readonly CountingPasswordHasher _hasher = new();
    private CatalogTestHost _host = null!;
    private CreatedStaffMember _member = null!;
    private CreatedStaffMember _locked = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CatalogAdmin:Admin:Email"] = "signin-admin@example.com",
            ["CatalogAdmin:Admin:Password"] = "Sign-In-Admin-Passphrase",
        }).Build();
        _host = await CatalogTestHost.StartAsync((services, connectionString) =>
        {
            services.AddMudServices();
            services.AddStaffIdentity(connectionString);
            services.AddCatalogWeb(configuration);
            services.AddSingleton<IPasswordHasher<StaffUser>>(_hasher);
        });
        await _host.Services.InitializeStaffAsync(configuration, TestContext.Current.CancellationToken);
        _host.User.Id = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == "signin-admin@example.com").Id;
        _member = await _host.SendAsync(new CreateStaffMemberCommand("member@example.com", Roles.Editor, Password));
        _locked = await _host.SendAsync(new CreateStaffMemberCommand("locked@example.com", Roles.Editor, Password));
        await _host.SendAsync(new SetStaffLockCommand(_locked.Id, true));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("nobody@example.com", Password)] // unknown email
    [InlineData("member@example.com", "Not-The-Passphrase")] // wrong password
    [InlineData("locked@example.com", "Not-The-Passphrase")] // locked, wrong password
    [InlineData("locked@example.com", Password)] // locked, right password
    public async Task Every_failure_gets_the_same_answer_after_exactly_one_password_hash_check(string email, string password)
    {
        var (outcome, hashChecks) = await SignInAsync(email, password);

        Assert.Equal(SignInOutcome.Failed, outcome);
        Assert.Equal(1, hashChecks); // the work that takes the time: the same for every failure, and for a success
        Assert.Equal(1, (await SignInAsync("member@example.com", Password)).HashChecks);
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_an_account()
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            Assert.Equal(SignInOutcome.Failed, (await SignInAsync("member@example.com", $"Wrong-passphrase-{attempt}")).Outcome);
        }

        Assert.Equal(SignInOutcome.SignedIn, (await SignInAsync("member@example.com", Password)).Outcome);
        Assert.False((await _host.SendAsync(new ListStaffQuery())).Single(s => s.Id == _member.Id).IsLockedOut);
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_with_the_account_and_the_address_never_the_password()
    {
        await SignInAsync("member@example.com", "Typed-Secret-Attempt", "203.0.113.9");

        var failure = Assert.Single(_host.Logs.Entries, e => e.Message.StartsWith("Sign-in failed", StringComparison.Ordinal));
        Assert.Equal("member@example.com", failure.Properties["Account"]);
        Assert.Equal("203.0.113.9", failure.Properties["ClientAddress"]);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains("Typed-Secret-Attempt", StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v?.ToString()?.Contains("Typed-Secret-Attempt", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_generated_password_signs_in_only_as_far_as_changing_it()
    {
        var fresh = await _host.SendAsync(new CreateStaffMemberCommand("fresh@example.com", Roles.Viewer));

        Assert.Equal(SignInOutcome.MustChangePassword, (await SignInAsync("fresh@example.com", fresh.Password)).Outcome);
    }

    private async Task<(SignInOutcome Outcome, int HashChecks)> SignInAsync(string email, string password, string address = "192.0.2.1")
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var before = _hasher.Verifications;
        var outcome = await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SignInAsync(email, password, address);
        return (outcome, _hasher.Verifications - before);
    }

    /// <summary>Identity's own hasher, counting the verifications: each one is the deliberately slow part of a sign-in.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
