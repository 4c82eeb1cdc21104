using CatalogAdmin.Core;
using CatalogAdmin.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// Core's staff accounts, stored by ASP.NET Core Identity. Each operation gets a scope (and so a UserManager and
/// context) of its own: a circuit lives for minutes, and a circuit-scoped context would be shared by every component.
/// </summary>
internal sealed class IdentityStaffDirectory(IServiceScopeFactory scopes) : IStaffDirectory
{
    public Task<IReadOnlyList<StaffMemberDto>> ListAsync(CancellationToken cancellationToken) =>
        UseAsync<IReadOnlyList<StaffMemberDto>>(async users =>
        {
            var staff = new List<StaffMemberDto>();
            foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
            {
                staff.Add(await ToDtoAsync(users, user));
            }

            return staff;
        });

    public Task<StaffMemberDto?> FindAsync(string userId, CancellationToken cancellationToken) =>
        UseAsync(async users => await users.FindByIdAsync(userId) is { } user ? await ToDtoAsync(users, user) : null);

    public Task<bool> EmailInUseAsync(string email, CancellationToken cancellationToken) =>
        UseAsync(async users => await users.FindByEmailAsync(email) is not null);

    public Task<string> CreateAsync(string email, string role, string password, CancellationToken cancellationToken) =>
        UseAsync(async users =>
        {
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            ThrowIfFailed(await users.CreateAsync(user, password), "Password");
            ThrowIfFailed(await users.AddToRoleAsync(user, role), "Role");
            return user.Id;
        });

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        UseAsync(async users =>
        {
            var user = await FindUserAsync(users, userId);
            ThrowIfFailed(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), "Role");
            ThrowIfFailed(await users.AddToRoleAsync(user, role), "Role");
            // A new security stamp makes open sessions and cookies of this account stop carrying the old role.
            await users.UpdateSecurityStampAsync(user);
            return true;
        });

    public Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken) =>
        UseAsync(async users =>
        {
            var user = await FindUserAsync(users, userId);
            if (locked)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }

            return true;
        });

    public Task SetPasswordAsync(string userId, string password, CancellationToken cancellationToken) =>
        UseAsync(async users =>
        {
            var user = await FindUserAsync(users, userId);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            ThrowIfFailed(await users.ResetPasswordAsync(user, token, password), "Password");
            return true;
        });

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        UseAsync(async users =>
        {
            var active = 0;
            foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
            {
                if (!await users.IsLockedOutAsync(admin))
                {
                    active++;
                }
            }

            return active;
        });

    public Task<StaffAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken) =>
        UseAsync(async users => await users.FindByIdAsync(userId) is { } user
            ? new StaffAccess(await RoleOfAsync(users, user), !await users.IsLockedOutAsync(user))
            : null);

    private async Task<T> UseAsync<T>(Func<UserManager<StaffUser>, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    private static async Task<StaffUser> FindUserAsync(UserManager<StaffUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException("Staff member", userId);

    private static async Task<StaffMemberDto> ToDtoAsync(UserManager<StaffUser> users, StaffUser user) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, await RoleOfAsync(users, user), await users.IsLockedOutAsync(user));

    private static async Task<string> RoleOfAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.FirstOrDefault(roles.Contains) ?? string.Empty;
    }

    private static void ThrowIfFailed(IdentityResult result, string property)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(property, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
