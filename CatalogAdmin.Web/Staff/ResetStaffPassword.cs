using CatalogAdmin.Core;
using CatalogAdmin.Web.Identity;
using MediatR;

namespace CatalogAdmin.Web.Staff;

/// <summary>Replaces a staff member's password with a new one-time password, returned once to the Admin.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ResetStaffPasswordCommand(string UserId) : IRequest<string>;

internal sealed class ResetStaffPasswordHandler(StaffAccounts accounts) : IRequestHandler<ResetStaffPasswordCommand, string>
{
    public Task<string> Handle(ResetStaffPasswordCommand request, CancellationToken cancellationToken) =>
        accounts.UseAsync(async users =>
        {
            var user = await StaffAccounts.FindAsync(users, request.UserId);
            var password = IdentitySetup.OneTimePassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            StaffAccounts.ThrowIfFailed(await users.ResetPasswordAsync(user, token, password), "Password");
            return password;
        });
}
