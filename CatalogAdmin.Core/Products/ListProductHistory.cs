using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>A product's history, newest first.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListProductHistoryQuery(Guid ProductId, int Page = 1, int PageSize = 50)
    : IRequest<PagedResult<ProductHistoryEntryDto>>, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), ProductId);
}

/// <summary>
/// One history entry: when, who (and their role then), from where, and each changed field's old and new value
/// (invariant text, prices "24.99", the category's name, null where there was none).
/// </summary>
public sealed record ProductHistoryEntryDto(
    long Id,
    DateTimeOffset OccurredAt,
    string? ChangedBy,
    ChangeSource Source,
    ProductHistoryKind Kind,
    IReadOnlyList<FieldChange> Changes,
    string? ChangedByRole = null,
    long VersionAfter = 0)
{
    /// <summary>Whether the entry changed fields a revert can set back.</summary>
    public bool CanRevert => Kind is ProductHistoryKind.Updated or ProductHistoryKind.Reverted && Changes.Count > 0;
}

internal sealed class ListProductHistoryValidator : IRequestValidator<ListProductHistoryQuery>
{
    public Task ValidateAsync(ListProductHistoryQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        return Task.CompletedTask;
    }
}

internal sealed class ListProductHistoryHandler(IDbContextFactory<CatalogDbContext> dbFactory)
    : IRequestHandler<ListProductHistoryQuery, PagedResult<ProductHistoryEntryDto>>
{
    public async Task<PagedResult<ProductHistoryEntryDto>> Handle(ListProductHistoryQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.ProductHistory.AsNoTracking().Where(e => e.ProductId == request.ProductId);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(e => e.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(e => new { e.Id, e.OccurredAt, e.ChangedBy, e.ChangedByRole, e.Source, e.Kind, e.Changes, e.VersionAfter })
            .ToListAsync(cancellationToken);

        var items = rows
            .Select(e => new ProductHistoryEntryDto(
                e.Id, e.OccurredAt, e.ChangedBy, e.Source, e.Kind, e.Changes.Select(c => c.ToFieldChange()).ToList(), e.ChangedByRole, e.VersionAfter))
            .ToList();
        return new PagedResult<ProductHistoryEntryDto>(items, total, request.Page, request.PageSize);
    }
}
