using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace CatalogAdmin.Core.Staff;

/// <summary>The rules every staff use case shares.</summary>
public static class StaffRules
{
    public const string LastAdminMessage = "There must always be at least one active Admin. Make someone else an Admin first.";

    public const string OwnRoleMessage = "You cannot change your own role. Ask another Admin.";

    public const string OwnLockMessage = "You cannot lock or unlock your own account. Ask another Admin.";

    public static void CheckEmail(string? email, ValidationErrors errors, string property = "Email")
    {
        if (string.IsNullOrWhiteSpace(email) || !new EmailAddressAttribute().IsValid(email.Trim()))
        {
            errors.Add(property, "Enter a valid email address.");
        }
    }

    public static void CheckRole(string? role, ValidationErrors errors, string property = "Role")
    {
        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add(property, $"Choose a role: {string.Join(", ", Roles.All)}.");
        }
    }

    public const int DisplayNameMaxLength = 100;

    public static void CheckDisplayName(string? displayName, ValidationErrors errors, string property = "DisplayName")
    {
        if (displayName is not null && displayName.Trim().Length > DisplayNameMaxLength)
        {
            errors.Add(property, $"Use at most {DisplayNameMaxLength} characters.");
        }
    }

    /// <summary>The name given, trimmed; without one, the part of the email before the @ ("ana.lopez" for ana.lopez@shop.example).</summary>
    public static string DisplayNameOrDefault(string? displayName, string email) =>
        string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();

    /// <summary>True when taking Admin away from this member (a role change or a lock) would leave no active Admin.</summary>
    public static async Task<bool> IsLastActiveAdminAsync(IStaffDirectory staff, StaffMemberDto member, CancellationToken cancellationToken) =>
        member is { Role: Roles.Admin, IsLockedOut: false } && await staff.CountActiveAdminsAsync(cancellationToken) <= 1;

    /// <summary>
    /// Inside a staff change's transaction: the sender is still an active member of staff who may manage staff. The
    /// pipeline checked this before the change started; another Admin may have demoted or locked them since.
    /// </summary>
    public static async Task EnsureStillManagesStaffAsync(IStaffDirectory store, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var access = currentUser.Id is { } id ? await store.GetAccessAsync(id, cancellationToken) : null;
        if (access is not { IsActive: true } || !Permissions.RoleAllows(access.Role, Permission.ManageStaff))
        {
            throw new ForbiddenException(Permissions.NotAllowedMessage(Permission.ManageStaff));
        }
    }

    public static async Task<StaffMemberDto> FindAsync(IStaffDirectory staff, string userId, CancellationToken cancellationToken) =>
        await staff.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("Staff member", userId);

    /// <summary>
    /// A random 16-character one-time password (about 93 bits) for an Admin to hand over once; its owner must replace it
    /// at the next sign-in. Letters and digits that cannot be mistaken for each other.
    /// </summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);
}
