using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>What was done to a staff account.</summary>
public enum StaffChangeKind
{
    AccountCreated,
    RoleChanged,
    Locked,
    Unlocked,
    PasswordReset,
}

/// <summary>
/// Published after a change to a staff account is stored: who acted (<paramref name="ChangedBy"/>, their sign-in name),
/// on whose account (<paramref name="UserId"/>, <paramref name="Email"/>), and what changed (<paramref name="Detail"/>,
/// e.g. "Editor → Viewer"). The audit log records it; it never carries a password.
/// </summary>
public sealed record StaffChangedNotification(
    StaffChangeKind Kind,
    string UserId,
    string Email,
    string? Detail,
    string? ChangedBy,
    DateTimeOffset OccurredAt) : INotification;
