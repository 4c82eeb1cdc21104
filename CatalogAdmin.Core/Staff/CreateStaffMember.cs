using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>
/// Makes a staff account with a role. Without a <paramref name="Password"/> a one-time password is
/// generated, which the new staff member must replace at their first sign-in; either way the result carries it, to
/// hand over once.
/// </summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record CreateStaffMemberCommand(string Email, string Role, string? Password = null) : IRequest<CreatedStaffMember>, ICommand;

public sealed record CreatedStaffMember(string Id, string Email, string Password);

internal sealed class CreateStaffMemberValidator(IStaffDirectory staff) : IRequestValidator<CreateStaffMemberCommand>
{
    public async Task ValidateAsync(CreateStaffMemberCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        StaffRules.CheckEmail(request.Email, errors, nameof(request.Email));
        StaffRules.CheckRole(request.Role, errors, nameof(request.Role));
        if (!errors.Has(nameof(request.Email)) && await staff.EmailInUseAsync(request.Email.Trim(), cancellationToken))
        {
            errors.Add(nameof(request.Email), $"There is already an account for {request.Email.Trim()}.");
        }
    }
}

internal sealed class CreateStaffMemberHandler(IStaffDirectory staff) : IRequestHandler<CreateStaffMemberCommand, CreatedStaffMember>
{
    public async Task<CreatedStaffMember> Handle(CreateStaffMemberCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? StaffRules.GeneratePassword() : request.Password!;
        var id = await staff.CreateAsync(email, request.Role, password, mustChangePassword: generated, cancellationToken);
        return new CreatedStaffMember(id, email, password);
    }
}
