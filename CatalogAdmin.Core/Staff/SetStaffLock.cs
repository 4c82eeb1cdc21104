using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>
/// Locks a staff account (it can no longer sign in, and its open sessions end at once) or unlocks it. Nobody locks
/// or unlocks their own; the last active Admin stays unlocked.
/// </summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record SetStaffLockCommand(string UserId, bool Locked) : IRequest, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new("Staff member", UserId);
}

internal sealed class SetStaffLockHandler(IStaffDirectory staff, ICurrentUser currentUser, IPublisher publisher, TimeProvider clock)
    : IRequestHandler<SetStaffLockCommand>
{
    public async Task Handle(SetStaffLockCommand request, CancellationToken cancellationToken)
    {
        if (request.UserId == currentUser.Id)
        {
            throw new RequestValidationException(nameof(request.Locked), StaffRules.OwnLockMessage);
        }

        StaffMemberDto? before = null;

        // Checked and written under the store's write lock: two Admins locking each other at once leave one.
        await staff.InWriteTransactionAsync(async store =>
        {
            await StaffRules.EnsureStillManagesStaffAsync(store, currentUser, cancellationToken);
            var member = await StaffRules.FindAsync(store, request.UserId, cancellationToken);
            if (request.Locked && await StaffRules.IsLastActiveAdminAsync(store, member, cancellationToken))
            {
                throw new RequestValidationException(nameof(request.Locked), StaffRules.LastAdminMessage);
            }

            await store.SetLockedAsync(member.Id, request.Locked, cancellationToken);
            before = member;
        }, cancellationToken);

        if (before!.IsLockedOut != request.Locked)
        {
            var kind = request.Locked ? StaffChangeKind.Locked : StaffChangeKind.Unlocked;
            await publisher.Publish(new StaffChangedNotification(kind, before.Id, before.Email, null, currentUser.Name, clock.GetUtcNow()), cancellationToken);
        }
    }
}
