using CatalogAdmin.Core;
using CatalogAdmin.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CatalogAdmin.Web.Staff;

/// <summary>
/// Identity's UserManager for one staff operation, in a scope of its own: a circuit lives for minutes,
/// and a circuit-scoped DbContext would be shared by every component in it.
/// </summary>
internal sealed class StaffAccounts(IServiceScopeFactory scopes)
{
    public async Task<T> UseAsync<T>(Func<UserManager<StaffUser>, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    public static async Task<StaffUser> FindAsync(UserManager<StaffUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException("Staff member", userId);

    public static async Task<string> RoleOfAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.FirstOrDefault(roles.Contains) ?? string.Empty;
    }

    /// <summary>True when taking Admin away from this user (role change or lock) would leave no active Admin.</summary>
    public static async Task<bool> IsLastActiveAdminAsync(UserManager<StaffUser> users, StaffUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin) || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var activeAdmins = 0;
        foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
        {
            if (!await users.IsLockedOutAsync(admin))
            {
                activeAdmins++;
            }
        }

        return activeAdmins <= 1;
    }

    public const string LastAdminMessage = "There must always be at least one active Admin. Make someone else an Admin first.";

    public static void ThrowIfFailed(IdentityResult result, string property)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(property, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
