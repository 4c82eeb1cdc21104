using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Staff;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web;
using CatalogAdmin.Web.Identity;
using Microsoft.Extensions.Configuration;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Staff_actions_are_recorded_with_who_acted_and_on_whose_account_by_display_name_with_emails_only_for_admins()
    {
        var created = await _host.SendAsync(new CreateStaffMemberCommand("bo.jensen@example.com", Roles.Editor, "Bo-Jensen-Passphrase", "Bo Jensen"));
        await _host.SendAsync(new ChangeStaffRoleCommand(created.Id, Roles.Viewer));
        await _host.SendAsync(new SetStaffLockCommand(created.Id, true));
        await _host.SendAsync(new SetStaffLockCommand(created.Id, false));
        await _host.SendAsync(new ResetStaffPasswordCommand(created.Id));
        await _host.SendAsync(new ChangeStaffRoleCommand(created.Id, Roles.Viewer)); // no change: nothing recorded

        var asAdmin = await _host.SendAsync(new ListActivityQuery());
        Assert.Equal(
            [
                (StaffChangeKind.PasswordReset, null),
                (StaffChangeKind.Unlocked, null),
                (StaffChangeKind.Locked, null),
                (StaffChangeKind.RoleChanged, "Editor → Viewer"),
                (StaffChangeKind.AccountCreated, "Bo Jensen, Editor"),
            ],
            asAdmin.Items.Select(e => (e.StaffChange!.Value, e.Detail)));
        Assert.All(asAdmin.Items, e =>
        {
            Assert.Equal(new StaffMemberName("Admin", AdminEmail), e.ChangedBy);
            Assert.Equal(new StaffMemberName("Bo Jensen", "bo.jensen@example.com"), e.Target);
            Assert.Null(e.Kind);
        });

        // The structured log names both sides too.
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("Staff Locked", StringComparison.Ordinal)
            && e.Message.Contains("bo.jensen@example.com", StringComparison.Ordinal) && e.Message.Contains(AdminEmail, StringComparison.Ordinal));

        // Anyone else reads names only.
        _host.User.SignInAs("viewer@example.com", Roles.Viewer);
        var asViewer = await _host.SendAsync(new ListActivityQuery());
        Assert.All(asViewer.Items, e =>
        {
            Assert.Equal(new StaffMemberName("Admin"), e.ChangedBy);
            Assert.Equal(new StaffMemberName("Bo Jensen"), e.Target);
        });
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

        Assert.True(created.Password.Length >= 16);
        var staff = await _host.SendAsync(new ListStaffQuery());
        Assert.Contains(new StaffMemberDto(created.Id, "new.editor@example.com", Roles.Editor, false, "new.editor"), staff);
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
    public async Task Nobody_changes_their_own_role_or_lock_state()
    {
        var admin = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == AdminEmail);
        await _host.SendAsync(new CreateStaffMemberCommand("second.admin@example.com", Roles.Admin)); // so "last Admin" is not the reason

        var demote = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(new ChangeStaffRoleCommand(admin.Id, Roles.Viewer)));
        var lockOut = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(new SetStaffLockCommand(admin.Id, true)));
        var unlock = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(new SetStaffLockCommand(admin.Id, false)));

        Assert.Equal(StaffRules.OwnRoleMessage, demote.Errors["Role"][0]);
        Assert.Equal(StaffRules.OwnLockMessage, lockOut.Errors["Locked"][0]);
        Assert.Equal(StaffRules.OwnLockMessage, unlock.Errors["Locked"][0]);
        Assert.Contains(new StaffMemberDto(admin.Id, AdminEmail, Roles.Admin, false, "Admin"), await _host.SendAsync(new ListStaffQuery()));
    }

    [Fact]
    public async Task Another_admin_may_demote_an_admin_while_one_active_admin_remains()
    {
        var admin = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == AdminEmail);
        var second = await _host.SendAsync(new CreateStaffMemberCommand("second.admin@example.com", Roles.Admin, "Second-Admin-Passphrase"));

        using (TestCurrentUser.ActingAs(second.Id, second.Email, Roles.Admin))
        {
            await _host.SendAsync(new ChangeStaffRoleCommand(admin.Id, Roles.Viewer));
        }

        Assert.Contains(new StaffMemberDto(admin.Id, AdminEmail, Roles.Viewer, false, "Admin"), await _host.SendAsync(new ListStaffQuery()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_admins_demoting_or_locking_each_other_at_the_same_moment_leave_an_admin(bool locking)
    {
        var first = (await _host.SendAsync(new ListStaffQuery())).Single(s => s.Email == AdminEmail);
        var second = await _host.SendAsync(new CreateStaffMemberCommand("rival.admin@example.com", Roles.Admin, "Rival-Admin-Passphrase"));
        var directory = _host.Services.GetRequiredService<IStaffDirectory>();
        IRequest Against(string userId) => locking ? new SetStaffLockCommand(userId, true) : new ChangeStaffRoleCommand(userId, Roles.Viewer);

        for (var round = 0; round < 15; round++)
        {
            // Both Admins and active again, then each acts against the other at once, from two threads.
            foreach (var id in new[] { first.Id, second.Id })
            {
                await directory.SetRoleAsync(id, Roles.Admin, TestContext.Current.CancellationToken);
                await directory.SetLockedAsync(id, false, TestContext.Current.CancellationToken);
            }

            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(
                Task.Run(() => ActAsync(first.Id, AdminEmail, Against(second.Id), start)),
                Task.Run(() => ActAsync(second.Id, second.Email, Against(first.Id), start)));

            Assert.Equal(1, await directory.CountActiveAdminsAsync(TestContext.Current.CancellationToken));
            Assert.Contains(outcomes, outcome => outcome is null); // one of them went through
            Assert.Contains(outcomes, outcome => outcome is RequestValidationException or ForbiddenException); // the other was refused
        }

        async Task<Exception?> ActAsync(string id, string email, IRequest request, Barrier start)
        {
            using var acting = TestCurrentUser.ActingAs(id, email, Roles.Admin);
            start.SignalAndWait(TestContext.Current.CancellationToken);
            try
            {
                await _host.SendAsync(request);
                return null;
            }
            catch (Exception exception) when (exception is RequestValidationException or ForbiddenException)
            {
                return exception;
            }
        }
    }

    [Fact]
    public async Task The_check_before_a_command_is_one_query_and_sees_a_lock_a_role_and_a_pending_password_change()
    {
        var directory = _host.Services.GetRequiredService<IStaffDirectory>();
        var editor = await _host.SendAsync(new CreateStaffMemberCommand("checked.editor@example.com", Roles.Editor, "Checked-Editor-Passphrase"));
        var before = SqlCommands();

        var access = await directory.GetAccessAsync(editor.Id, TestContext.Current.CancellationToken);

        Assert.Equal(1, SqlCommands() - before);
        Assert.Equal(new StaffAccess(Roles.Editor, IsActive: true, MustChangePassword: false), access);
        await _host.SendAsync(new ChangeStaffRoleCommand(editor.Id, Roles.Viewer));
        await _host.SendAsync(new SetStaffLockCommand(editor.Id, true));
        Assert.Equal(new StaffAccess(Roles.Viewer, IsActive: false), await directory.GetAccessAsync(editor.Id, TestContext.Current.CancellationToken));
        await _host.SendAsync(new SetStaffLockCommand(editor.Id, false));
        await _host.SendAsync(new ResetStaffPasswordCommand(editor.Id));
        Assert.Equal(new StaffAccess(Roles.Viewer, IsActive: true, MustChangePassword: true), await directory.GetAccessAsync(editor.Id, TestContext.Current.CancellationToken));
        Assert.Null(await directory.GetAccessAsync("no-such-account", TestContext.Current.CancellationToken));

        int SqlCommands() => _host.Logs.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_generated_password_must_be_changed_before_its_account_may_send_a_command()
    {
        var generated = await _host.SendAsync(new CreateStaffMemberCommand("fresh.editor@example.com", Roles.Editor));
        var chosen = await _host.SendAsync(new CreateStaffMemberCommand("chosen.editor@example.com", Roles.Editor, "Chosen-Editor-Passphrase"));
        var directory = _host.Services.GetRequiredService<IStaffDirectory>();

        Assert.True((await directory.GetAccessAsync(generated.Id, TestContext.Current.CancellationToken))!.MustChangePassword);
        Assert.False((await directory.GetAccessAsync(chosen.Id, TestContext.Current.CancellationToken))!.MustChangePassword);
        using (TestCurrentUser.ActingAs(generated.Id, generated.Email, Roles.Editor))
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(
                new CreateProductCommand(new ProductFields("Lamp", "MUST-CHANGE-1", null, 10m, 1))));
            Assert.Contains("new password", refused.Message, StringComparison.Ordinal);
        }

        using (TestCurrentUser.ActingAs(chosen.Id, chosen.Email, Roles.Editor))
        {
            // Past the account check: the product is simply not there.
            await Assert.ThrowsAsync<NotFoundException>(() => _host.SendAsync(
                new UpdateProductCommand(Guid.NewGuid(), new ProductFields("Lamp", "CHOSEN-1", null, 10m, 1), 1)));
        }
    }

    [Theory]
    [InlineData("short-pass1", false)] // 11 characters
    [InlineData("qwerty123456", false)] // 12, but among the most common passwords
    [InlineData("QWERTY123456", false)] // case does not hide it
    [InlineData("correct horse battery", true)] // no digit, no capital: length is what counts
    [InlineData("lowercaseonlylong", true)]
    public async Task Passwords_need_12_characters_and_must_not_be_common_with_no_composition_rules(string password, bool accepted)
    {
        var create = new CreateStaffMemberCommand($"pw{Guid.NewGuid():N}@example.com", Roles.Viewer, password);

        if (accepted)
        {
            await _host.SendAsync(create);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(create));
            Assert.Equal(["Password"], refused.Errors.Keys);
        }
    }

    [Fact]
    public async Task A_lock_a_role_change_or_a_password_reset_ends_the_accounts_open_circuits_at_once()
    {
        var circuits = _host.Services.GetRequiredService<OpenCircuits>();
        var member = await _host.SendAsync(new CreateStaffMemberCommand("watched@example.com", Roles.Editor, "Watched-Editor-Passphrase"));
        var other = await _host.SendAsync(new CreateStaffMemberCommand("bystander@example.com", Roles.Editor, "Bystander-Passphrase"));
        var ended = new List<string>();
        IBaseRequest[] changes = [new SetStaffLockCommand(member.Id, true), new ChangeStaffRoleCommand(member.Id, Roles.Viewer), new ResetStaffPasswordCommand(member.Id)];

        foreach (var change in changes)
        {
            using var open = circuits.Add(member.Id, _ => Record(change.GetType().Name));
            using var bystander = circuits.Add(other.Id, _ => Record("bystander"));
            await _host.SendUntypedAsync(change);
            await _host.SendAsync(new SetStaffLockCommand(member.Id, false));
        }

        Assert.Equal([nameof(SetStaffLockCommand), nameof(ChangeStaffRoleCommand), nameof(ResetStaffPasswordCommand)], ended);

        Task Record(string what)
        {
            lock (ended) ended.Add(what);
            return Task.CompletedTask;
        }
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
