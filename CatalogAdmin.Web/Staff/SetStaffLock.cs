using CatalogAdmin.Core;
using MediatR;

namespace CatalogAdmin.Web.Staff;

/// <summary>Locks a staff account (it can no longer sign in, and open sessions end) or unlocks it.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetStaffLockCommand(string UserId, bool Locked) : IRequest;

internal sealed class SetStaffLockHandler(StaffAccounts accounts, ICurrentUser currentUser) : IRequestHandler<SetStaffLockCommand>
{
    public Task Handle(SetStaffLockCommand request, CancellationToken cancellationToken) =>
        accounts.UseAsync(async users =>
        {
            var user = await StaffAccounts.FindAsync(users, request.UserId);
            if (request.Locked)
            {
                if (string.Equals(user.UserName, currentUser.Name, StringComparison.OrdinalIgnoreCase))
                {
                    throw new RequestValidationException(nameof(request.Locked), "You cannot lock your own account.");
                }

                if (await StaffAccounts.IsLastActiveAdminAsync(users, user))
                {
                    throw new RequestValidationException(nameof(request.Locked), StaffAccounts.LastAdminMessage);
                }

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
}
