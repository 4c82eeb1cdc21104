using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Identity;
using Microsoft.Extensions.Configuration;
using MudBlazor.Services;

namespace CatalogAdmin.Tests.Security;

/// <summary>Staff management goes through the same pipeline: only an Admin may, and the last Admin stays.</summary>
public sealed class StaffRequestTests : IAsyncLifetime
{
    private const string AdminEmail = "first-admin@example.com";
    private CatalogTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CatalogAdmin:Admin:Email"] = AdminEmail,
                ["CatalogAdmin:Admin:Password"] = "First-Admin-Passw0rd",
            })
            .Build();
        _host = await CatalogTestHost.StartAsync((services, connectionString) =>
        {
            services.AddMudServices();
            services.AddStaffIdentity(connectionString);
            services.AddCatalogWeb(configuration);
        });
        await _host.Services.InitializeStaffAsync(configuration, TestContext.Current.CancellationToken);
        _host.User.SignInAs(AdminEmail, Roles.Admin);
        _host.User.Id = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == AdminEmail).Id;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Viewer)]
    [InlineData(null)]
    public async Task Only_an_admin_may_list_or_manage_staff(string? role)
    {
        if (role is null) _host.User.SignOut(); else _host.User.SignInAs("someone@example.com", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(new ListStaffQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(new CreateStaffMemberCommand("x@example.com", Roles.Admin)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(new ChangeStaffRoleCommand("any", Roles.Admin)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(new SetStaffLockCommand("any", true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(new ResetStaffPasswordCommand("any")));
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        const string chosen = "Chosen-Passw0rd-4471";
        var created = await _host.SendAsync(new CreateStaffMemberCommand("logged@example.com", Roles.Editor, chosen));
        var reset = await _host.SendAsync(new ResetStaffPasswordCommand(created.Id));

        var entries = _host.Logs.Entries.ToList();
        Assert.Contains(entries, e => Equals(e.Properties.GetValueOrDefault("RequestType"), nameof(ResetStaffPasswordCommand)));
        foreach (var secret in new[] { chosen, reset })
        {
            Assert.DoesNotContain(entries, e => e.Message.Contains(secret, StringComparison.Ordinal)
                || e.Properties.Values.Any(v => v?.ToString()?.Contains(secret, StringComparison.Ordinal) == true));
        }
    }

    [Fact]
    public async Task An_admin_creates_an_account_with_a_role_and_a_one_time_password()
    {
        var created = await _host.SendAsync(new CreateStaffMemberCommand("new.editor@example.com", Roles.Editor));

        Assert.True(created.Password.Length >= 10);
        var staff = await _host.SendAsync(new ListStaffQuery());
        Assert.Contains(new StaffMemberDto(created.Id, "new.editor@example.com", Roles.Editor, false), staff);
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_email_is_refused_on_its_field()
    {
        var weak = await Assert.ThrowsAsync<RequestValidationException>(
            () => _host.SendAsync(new CreateStaffMemberCommand("weak@example.com", Roles.Viewer, "short")));
        Assert.Equal(["Password"], weak.Errors.Keys);

        var taken = await Assert.ThrowsAsync<RequestValidationException>(
            () => _host.SendAsync(new CreateStaffMemberCommand(AdminEmail, Roles.Viewer)));
        Assert.Equal(["Email"], taken.Errors.Keys);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_locked()
    {
        var admin = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == AdminEmail);

        var demote = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(new ChangeStaffRoleCommand(admin.Id, Roles.Viewer)));
        var lockOut = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(new SetStaffLockCommand(admin.Id, true)));

        Assert.Contains("at least one active Admin", demote.Errors["Role"][0], StringComparison.Ordinal);
        Assert.Equal("You cannot lock your own account.", lockOut.Errors["Locked"][0]);

        var second = await _host.SendAsync(new CreateStaffMemberCommand("second.admin@example.com", Roles.Admin));
        await _host.SendAsync(new ChangeStaffRoleCommand(admin.Id, Roles.Viewer)); // now allowed: another Admin remains
        Assert.Contains(new StaffMemberDto(admin.Id, AdminEmail, Roles.Viewer, false), await _host.SendAsync(new ListStaffQuery()));
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Locking_and_unlocking_an_account_shows_in_the_list()
    {
        var viewer = await _host.SendAsync(new CreateStaffMemberCommand("viewer@example.com", Roles.Viewer));

        await _host.SendAsync(new SetStaffLockCommand(viewer.Id, true));
        Assert.True((await _host.SendAsync(new ListStaffQuery())).Single(s => s.Id == viewer.Id).IsLockedOut);

        await _host.SendAsync(new SetStaffLockCommand(viewer.Id, false));
        Assert.False((await _host.SendAsync(new ListStaffQuery())).Single(s => s.Id == viewer.Id).IsLockedOut);
    }
}
