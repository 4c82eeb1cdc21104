using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>The activity log, newest first.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListActivityQuery(int Page = 1, int PageSize = 50) : IRequest<PagedResult<ActivityEntryDto>>;

/// <summary>One activity entry; <see cref="ProductExists"/> says whether a link to the product can work.</summary>
public sealed record ActivityEntryDto(
    long Id,
    ProductChangeKind Kind,
    Guid ProductId,
    string ProductName,
    string ProductSku,
    DateTimeOffset OccurredAt,
    bool ProductExists,
    string? ChangedBy = null);

internal sealed class ListActivityValidator : IRequestValidator<ListActivityQuery>
{
    public Task ValidateAsync(ListActivityQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        return Task.CompletedTask;
    }
}

internal sealed class ListActivityHandler(IDbContextFactory<CatalogDbContext> dbFactory)
    : IRequestHandler<ListActivityQuery, PagedResult<ActivityEntryDto>>
{
    public async Task<PagedResult<ActivityEntryDto>> Handle(ListActivityQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Activity.CountAsync(cancellationToken);
        var items = await db.Activity
            .AsNoTracking()
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(e => new ActivityEntryDto(
                e.Id,
                e.Kind,
                e.ProductId,
                e.ProductName,
                e.ProductSku,
                e.OccurredAt,
                db.Products.Live().Any(p => p.Id == e.ProductId),
                e.ChangedBy))
            .ToListAsync(cancellationToken);

        return new PagedResult<ActivityEntryDto>(items, total, request.Page, request.PageSize);
    }
}
