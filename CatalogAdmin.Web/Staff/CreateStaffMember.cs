using System.ComponentModel.DataAnnotations;
using CatalogAdmin.Core;
using CatalogAdmin.Web.Identity;
using MediatR;

namespace CatalogAdmin.Web.Staff;

/// <summary>
/// Makes a staff account with a role. Without a <paramref name="Password"/> a one-time password is
/// generated; either way the result carries it, to hand to the new staff member once.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateStaffMemberCommand(string Email, string Role, string? Password = null) : IRequest<CreatedStaffMember>;

public sealed record CreatedStaffMember(string Id, string Email, string Password);

internal sealed class CreateStaffMemberValidator : IRequestValidator<CreateStaffMemberCommand>
{
    public Task ValidateAsync(CreateStaffMemberCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            errors.Add(nameof(request.Email), "Enter a valid email address.");
        }

        if (!Roles.All.Contains(request.Role))
        {
            errors.Add(nameof(request.Role), $"Choose a role: {string.Join(", ", Roles.All)}.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class CreateStaffMemberHandler(StaffAccounts accounts) : IRequestHandler<CreateStaffMemberCommand, CreatedStaffMember>
{
    public Task<CreatedStaffMember> Handle(CreateStaffMemberCommand request, CancellationToken cancellationToken) =>
        accounts.UseAsync(async users =>
        {
            var email = request.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new RequestValidationException(nameof(request.Email), $"There is already an account for {email}.");
            }

            var password = string.IsNullOrEmpty(request.Password) ? IdentitySetup.OneTimePassword() : request.Password;
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            StaffAccounts.ThrowIfFailed(await users.CreateAsync(user, password), nameof(request.Password));
            StaffAccounts.ThrowIfFailed(await users.AddToRoleAsync(user, request.Role), nameof(request.Role));
            return new CreatedStaffMember(user.Id, email, password);
        });
}
