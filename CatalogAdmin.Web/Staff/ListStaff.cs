using CatalogAdmin.Core;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Web.Staff;

/// <summary>Every staff account with its role and whether it is locked.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListStaffQuery : IRequest<IReadOnlyList<StaffMemberDto>>;

public sealed record StaffMemberDto(string Id, string Email, string Role, bool IsLockedOut);

internal sealed class ListStaffHandler(StaffAccounts accounts) : IRequestHandler<ListStaffQuery, IReadOnlyList<StaffMemberDto>>
{
    public Task<IReadOnlyList<StaffMemberDto>> Handle(ListStaffQuery request, CancellationToken cancellationToken) =>
        accounts.UseAsync<IReadOnlyList<StaffMemberDto>>(async users =>
        {
            var staff = new List<StaffMemberDto>();
            foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
            {
                staff.Add(new StaffMemberDto(
                    user.Id, user.Email ?? user.UserName ?? user.Id, await StaffAccounts.RoleOfAsync(users, user), await users.IsLockedOutAsync(user)));
            }

            return staff;
        });
}
