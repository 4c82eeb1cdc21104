using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace CatalogAdmin.Core.Staff;

/// <summary>The rules every staff use case shares.</summary>
public static class StaffRules
{
    public const string LastAdminMessage = "There must always be at least one active Admin. Make someone else an Admin first.";

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

    /// <summary>True when taking Admin away from this member (a role change or a lock) would leave no active Admin.</summary>
    public static async Task<bool> IsLastActiveAdminAsync(IStaffDirectory staff, StaffMemberDto member, CancellationToken cancellationToken) =>
        member is { Role: Roles.Admin, IsLockedOut: false } && await staff.CountActiveAdminsAsync(cancellationToken) <= 1;

    public static async Task<StaffMemberDto> FindAsync(IStaffDirectory staff, string userId, CancellationToken cancellationToken) =>
        await staff.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("Staff member", userId);

    /// <summary>A random 16-character password with upper- and lower-case letters and digits, for an Admin to hand over once.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 13);
        return $"{body}Aa7"; // every character class, whatever the random part holds
    }
}
