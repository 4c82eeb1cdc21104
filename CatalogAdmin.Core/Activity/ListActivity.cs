using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>The activity log, newest first.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListActivityQuery(int Page = 1, int PageSize = 50) : IRequest<PagedResult<ActivityEntryDto>>;

/// <summary>
/// One activity entry: a product change (<see cref="Kind"/>; <see cref="ProductExists"/> says whether a link to the
/// product can work), a change to a staff account (<see cref="StaffChange"/>, on <see cref="Target"/>), or an import,
/// bulk action or undo (<see cref="Batch"/>, summarised in <see cref="Detail"/>; <see cref="CanUndo"/> when it is an
/// import or bulk action not undone yet and the reader may edit products). People are named by display name; their
/// emails are filled in only for a reader who manages staff.
/// </summary>
public sealed record ActivityEntryDto(
    long Id,
    ProductChangeKind? Kind,
    Guid? ProductId,
    string ProductName,
    string ProductSku,
    DateTimeOffset OccurredAt,
    bool ProductExists,
    StaffMemberName? ChangedBy = null,
    StaffChangeKind? StaffChange = null,
    StaffMemberName? Target = null,
    string? Detail = null,
    ActivityBatchKind? Batch = null,
    Guid? BatchId = null,
    int? ProductCount = null,
    bool Undone = false,
    bool CanUndo = false);

/// <summary>A member of staff as the log shows them: their display name, and their email for Admins only.</summary>
public sealed record StaffMemberName(string DisplayName, string? Email = null)
{
    public override string ToString() => DisplayName;
}

internal sealed class ListActivityValidator : IRequestValidator<ListActivityQuery>
{
    public Task ValidateAsync(ListActivityQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        return Task.CompletedTask;
    }
}

internal sealed class ListActivityHandler(IDbContextFactory<CatalogDbContext> dbFactory, IStaffDirectory staff, ICurrentUser currentUser)
    : IRequestHandler<ListActivityQuery, PagedResult<ActivityEntryDto>>
{
    public async Task<PagedResult<ActivityEntryDto>> Handle(ListActivityQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Activity.CountAsync(cancellationToken);
        var rows = await db.Activity
            .AsNoTracking()
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(e => new
            {
                Entry = e,
                ProductExists = e.ProductId != null && db.Products.Live().Any(p => p.Id == e.ProductId),
                Undone = e.BatchId != null && e.Batch != ActivityBatchKind.Undo && db.UndoneBatches.Any(u => u.BatchId == e.BatchId),
            })
            .ToListAsync(cancellationToken);

        var mayUndo = currentUser.Allows(Permission.EditProducts);
        var names = await ActivityNames.LoadAsync(staff, currentUser, rows.SelectMany(r => new[] { r.Entry.ChangedBy, r.Entry.TargetEmail }), cancellationToken);

        var items = rows.Select(r => new ActivityEntryDto(
                r.Entry.Id,
                r.Entry.Kind,
                r.Entry.ProductId,
                r.Entry.ProductName,
                r.Entry.ProductSku,
                r.Entry.OccurredAt,
                r.ProductExists,
                names.Of(r.Entry.ChangedBy),
                r.Entry.StaffChange,
                names.Of(r.Entry.TargetEmail),
                r.Entry.Detail,
                r.Entry.Batch,
                r.Entry.BatchId,
                r.Entry.ProductCount,
                r.Undone,
                mayUndo && r.Entry.Batch is ActivityBatchKind.Import or ActivityBatchKind.Bulk && !r.Undone))
            .ToList();

        return new PagedResult<ActivityEntryDto>(items, total, request.Page, request.PageSize);
    }
}
