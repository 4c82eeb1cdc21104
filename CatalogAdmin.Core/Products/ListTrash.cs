using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// One page of the products in the trash, the most recently trashed first, optionally only those whose name or SKU
/// matches <paramref name="Search"/> (the same rule as the products list's search).
/// </summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ListTrashQuery(string? Search = null, int Page = 1, int PageSize = 25) : IRequest<PagedResult<TrashedProductDto>>;

/// <summary>A product in the trash: what the trash page shows of it, and who moved it there when.</summary>
public sealed record TrashedProductDto(
    Guid Id,
    string Name,
    string Sku,
    decimal Price,
    string? CategoryName,
    DateTimeOffset DeletedAt,
    string? DeletedBy);

internal sealed class ListTrashValidator : IRequestValidator<ListTrashQuery>
{
    public Task ValidateAsync(ListTrashQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        if (request.Search?.Length > ProductFilter.MaxSearchLength)
        {
            errors.Add(nameof(request.Search), $"Search text can be at most {ProductFilter.MaxSearchLength} characters.");
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Reads the trash along its own partial index (DeletedAt, Id where DeletedAt is set), which holds only trashed
/// products: the page is its first rows, and the count is the index's size. A search tests each trashed product's
/// search key (the search indexes hold live products only).
/// </summary>
internal sealed class ListTrashHandler(IDbContextFactory<CatalogDbContext> dbFactory)
    : IRequestHandler<ListTrashQuery, PagedResult<TrashedProductDto>>
{
    public async Task<PagedResult<TrashedProductDto>> Handle(ListTrashQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trashed = ProductSelection.Tested(db.Products.AsNoTracking().InTrash(), new ProductFilter(request.Search), testSearch: true, db.Database.IsPostgreSql());

        var total = await trashed.CountAsync(cancellationToken);
        var items = total == 0 ? [] : await trashed
            .OrderByDescending(p => p.DeletedAt).ThenByDescending(p => p.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(p => new TrashedProductDto(
                p.Id,
                p.Name,
                p.Sku,
                p.Price,
                db.Categories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.DeletedAt!.Value,
                p.DeletedBy))
            .ToListAsync(cancellationToken);
        return new PagedResult<TrashedProductDto>(items, total, request.Page, request.PageSize);
    }
}
