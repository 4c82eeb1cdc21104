using CatalogAdmin.Core;
using MediatR;

namespace CatalogAdmin.Web.Staff;

/// <summary>Gives a staff member another role. The last active Admin keeps theirs.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ChangeStaffRoleCommand(string UserId, string Role) : IRequest;

internal sealed class ChangeStaffRoleValidator : IRequestValidator<ChangeStaffRoleCommand>
{
    public Task ValidateAsync(ChangeStaffRoleCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(request.Role))
        {
            errors.Add(nameof(request.Role), $"Choose a role: {string.Join(", ", Roles.All)}.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class ChangeStaffRoleHandler(StaffAccounts accounts) : IRequestHandler<ChangeStaffRoleCommand>
{
    public Task Handle(ChangeStaffRoleCommand request, CancellationToken cancellationToken) =>
        accounts.UseAsync(async users =>
        {
            var user = await StaffAccounts.FindAsync(users, request.UserId);
            if (request.Role != Roles.Admin && await StaffAccounts.IsLastActiveAdminAsync(users, user))
            {
                throw new RequestValidationException(nameof(request.Role), StaffAccounts.LastAdminMessage);
            }

            var current = await users.GetRolesAsync(user);
            StaffAccounts.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current), nameof(request.Role));
            StaffAccounts.ThrowIfFailed(await users.AddToRoleAsync(user, request.Role), nameof(request.Role));
            // A new security stamp makes open sessions pick up the new role at their next revalidation.
            await users.UpdateSecurityStampAsync(user);
            return true;
        });
}
