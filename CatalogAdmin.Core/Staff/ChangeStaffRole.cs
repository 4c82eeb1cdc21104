using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>Gives a staff member another role. Nobody changes their own; the last active Admin keeps theirs.</summary>
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

internal sealed class ChangeStaffRoleHandler(IStaffDirectory staff, ICurrentUser currentUser, IPublisher publisher, TimeProvider clock)
    : IRequestHandler<ChangeStaffRoleCommand>
{
    public async Task Handle(ChangeStaffRoleCommand request, CancellationToken cancellationToken)
    {
        if (request.UserId == currentUser.Id)
        {
            throw new RequestValidationException(nameof(request.Role), StaffRules.OwnRoleMessage);
        }

        StaffMemberDto? before = null;

        // Checked and written under the store's write lock: two Admins demoting each other at once leave one.
        await staff.InWriteTransactionAsync(async store =>
        {
            await StaffRules.EnsureStillManagesStaffAsync(store, currentUser, cancellationToken);
            var member = await StaffRules.FindAsync(store, request.UserId, cancellationToken);
            if (request.Role != Roles.Admin && await StaffRules.IsLastActiveAdminAsync(store, member, cancellationToken))
            {
                throw new RequestValidationException(nameof(request.Role), StaffRules.LastAdminMessage);
            }

            await store.SetRoleAsync(member.Id, request.Role, cancellationToken);
            before = member;
        }, cancellationToken);

        if (before!.Role != request.Role)
        {
            await publisher.Publish(
                new StaffChangedNotification(StaffChangeKind.RoleChanged, before.Id, before.Email, $"{before.Role} → {request.Role}", currentUser.Name, clock.GetUtcNow()),
                cancellationToken);
        }
    }
}
