using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

public enum ProductSortField
{
    Name,
    Sku,
    Price,
    Stock,
    UpdatedAt,
}

/// <summary>
/// One page of products. <paramref name="Search"/> matches part of the name or SKU, ignoring case,
/// with its characters taken literally. Ties in the sort are broken by Id, so paging is stable.
/// </summary>
public sealed record ListProductsQuery(
    string? Search = null,
    ProductSortField SortBy = ProductSortField.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = 25) : IRequest<PagedResult<ProductListItem>>;

public sealed record ProductListItem(Guid Id, string Name, string Sku, decimal Price, int Stock, DateTimeOffset UpdatedAt);

internal sealed class ListProductsValidator : IRequestValidator<ListProductsQuery>
{
    public Task ValidateAsync(ListProductsQuery request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Paging.Check(request.Page, request.PageSize, errors);
        if (!Enum.IsDefined(request.SortBy))
        {
            errors.Add(nameof(request.SortBy), $"Products cannot be sorted by {request.SortBy}.");
        }

        return Task.CompletedTask;
    }
}

internal sealed class ListProductsHandler(IDbContextFactory<CatalogDbContext> dbFactory)
    : IRequestHandler<ListProductsQuery, PagedResult<ProductListItem>>
{
    private const char LikeEscape = '\\';

    public async Task<PagedResult<ProductListItem>> Handle(ListProductsQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = db.Products.AsNoTracking();

        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = $"%{EscapeLike(search)}%";
            products = products.Where(p =>
                EF.Functions.Like(p.Name, pattern, LikeEscape.ToString()) ||
                EF.Functions.Like(p.Sku, pattern, LikeEscape.ToString()));
        }

        var total = await products.CountAsync(cancellationToken);
        var items = await Sort(products, request.SortBy, request.Descending)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(p => new ProductListItem(p.Id, p.Name, p.Sku, p.Price, p.Stock, p.UpdatedAt))
            .ToListAsync(cancellationToken);

        return new PagedResult<ProductListItem>(items, total, request.Page, request.PageSize);
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, ProductSortField sortBy, bool descending) => sortBy switch
    {
        ProductSortField.Sku => descending
            ? products.OrderByDescending(p => p.Sku).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Sku).ThenBy(p => p.Id),
        ProductSortField.Price => descending
            ? products.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Price).ThenBy(p => p.Id),
        ProductSortField.Stock => descending
            ? products.OrderByDescending(p => p.Stock).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
        ProductSortField.UpdatedAt => descending
            ? products.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
        _ => descending
            ? products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id)
            : products.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    /// <summary>Makes %, _ and the escape character itself match literally in a LIKE pattern.</summary>
    internal static string EscapeLike(string text) => text
        .Replace(LikeEscape.ToString(), $"{LikeEscape}{LikeEscape}", StringComparison.Ordinal)
        .Replace("%", $"{LikeEscape}%", StringComparison.Ordinal)
        .Replace("_", $"{LikeEscape}_", StringComparison.Ordinal);
}
