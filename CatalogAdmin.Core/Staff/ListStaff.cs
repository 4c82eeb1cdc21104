using MediatR;

namespace CatalogAdmin.Core.Staff;

/// <summary>Every staff account with its role and whether it is locked.</summary>
[RequiresPermission(Permission.ManageStaff)]
public sealed record ListStaffQuery : IRequest<IReadOnlyList<StaffMemberDto>>;

internal sealed class ListStaffHandler(IStaffDirectory staff) : IRequestHandler<ListStaffQuery, IReadOnlyList<StaffMemberDto>>
{
    public Task<IReadOnlyList<StaffMemberDto>> Handle(ListStaffQuery request, CancellationToken cancellationToken) =>
        staff.ListAsync(cancellationToken);
}
