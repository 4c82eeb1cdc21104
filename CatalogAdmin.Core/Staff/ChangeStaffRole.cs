using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>Gives a staff member another role. The last active Admin keeps theirs.</summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record ChangeStaffRoleCommand(string UserId, string Role) : IRequest, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Staff member", UserId);
}

internal sealed class ChangeStaffRoleValidator : IRequestValidator<ChangeStaffRoleCommand>
{
    public Task ValidateAsync(ChangeStaffRoleCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        StaffRules.CheckRole(request.Role, errors, nameof(request.Role));
        return Task.CompletedTask;
    }
}

internal sealed class ChangeStaffRoleHandler(IStaffDirectory staff) : IRequestHandler<ChangeStaffRoleCommand>
{
    public async Task Handle(ChangeStaffRoleCommand request, CancellationToken cancellationToken)
    {
        var member = await StaffRules.FindAsync(staff, request.UserId, cancellationToken);
        if (request.Role != Roles.Admin && await StaffRules.IsLastActiveAdminAsync(staff, member, cancellationToken))
        {
            throw new RequestValidationException(nameof(request.Role), StaffRules.LastAdminMessage);
        }

        await staff.SetRoleAsync(member.Id, request.Role, cancellationToken);
    }
}
