using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>
/// Replaces a staff member's password with a new one-time password, returned once to the Admin. Their open sessions
/// end, and they must choose their own password at the next sign-in.
/// </summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record ResetStaffPasswordCommand(string UserId) : IRequest<string>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Staff member", UserId);
}

internal sealed class ResetStaffPasswordHandler(IStaffDirectory staff, ICurrentUser currentUser, IPublisher publisher, TimeProvider clock)
    : IRequestHandler<ResetStaffPasswordCommand, string>
{
    public async Task<string> Handle(ResetStaffPasswordCommand request, CancellationToken cancellationToken)
    {
        var member = await StaffRules.FindAsync(staff, request.UserId, cancellationToken);
        var password = StaffRules.GeneratePassword();
        await staff.SetPasswordAsync(member.Id, password, mustChangePassword: true, cancellationToken);
        await publisher.Publish(
            new StaffChangedNotification(StaffChangeKind.PasswordReset, member.Id, member.Email, null, currentUser.Name, clock.GetUtcNow()),
            cancellationToken);
        return password;
    }
}
