using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>Locks a staff account (it can no longer sign in, and open sessions end) or unlocks it.</summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record SetStaffLockCommand(string UserId, bool Locked) : IRequest, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Staff member", UserId);
}

internal sealed class SetStaffLockHandler(IStaffDirectory staff, ICurrentUser currentUser) : IRequestHandler<SetStaffLockCommand>
{
    public async Task Handle(SetStaffLockCommand request, CancellationToken cancellationToken)
    {
        var member = await StaffRules.FindAsync(staff, request.UserId, cancellationToken);
        if (request.Locked)
        {
            if (member.Id == currentUser.Id)
            {
                throw new RequestValidationException(nameof(request.Locked), "You cannot lock your own account.");
            }

            if (await StaffRules.IsLastActiveAdminAsync(staff, member, cancellationToken))
            {
                throw new RequestValidationException(nameof(request.Locked), StaffRules.LastAdminMessage);
            }
        }

        await staff.SetLockedAsync(member.Id, request.Locked, cancellationToken);
    }
}
