using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>
/// Makes a staff account with a role. Without a <paramref name="Password"/> a one-time password is
/// generated, which the new staff member must replace at their first sign-in; either way the result carries it, to
/// hand over once.
/// </summary>
[RequiresPermission(Permission.ManageStaff)]
/// <param name="DisplayName">How the activity log names them; without one, the part of the email before the @.</param>
public sealed record CreateStaffMemberCommand(string Email, string Role, string? Password = null, string? DisplayName = null)
    : IRequest<CreatedStaffMember>, ICommand;

public sealed record CreatedStaffMember(string Id, string Email, string Password);

internal sealed class CreateStaffMemberValidator(IStaffDirectory staff) : IRequestValidator<CreateStaffMemberCommand>
{
    public async Task ValidateAsync(CreateStaffMemberCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        StaffRules.CheckEmail(request.Email, errors, nameof(request.Email));
        StaffRules.CheckRole(request.Role, errors, nameof(request.Role));
        StaffRules.CheckDisplayName(request.DisplayName, errors, nameof(request.DisplayName));
        if (!errors.Has(nameof(request.Email)) && await staff.EmailInUseAsync(request.Email.Trim(), cancellationToken))
        {
            errors.Add(nameof(request.Email), $"There is already an account for {request.Email.Trim()}.");
        }
    }
}

internal sealed class CreateStaffMemberHandler(IStaffDirectory staff, ICurrentUser currentUser, IPublisher publisher, TimeProvider clock)
    : IRequestHandler<CreateStaffMemberCommand, CreatedStaffMember>
{
    public async Task<CreatedStaffMember> Handle(CreateStaffMemberCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? StaffRules.GeneratePassword() : request.Password!;
        var displayName = StaffRules.DisplayNameOrDefault(request.DisplayName, email);
        var id = await staff.CreateAsync(email, displayName, request.Role, password, mustChangePassword: generated, cancellationToken);
        await publisher.Publish(
            new StaffChangedNotification(StaffChangeKind.AccountCreated, id, email, $"{displayName}, {request.Role}", currentUser.Name, clock.GetUtcNow()),
            cancellationToken);
        return new CreatedStaffMember(id, email, password);
    }
}
