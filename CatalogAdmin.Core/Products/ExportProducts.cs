using System.Runtime.CompilerServices;
using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Every product the list shows for <paramref name="Filter"/>, in the list's order (<paramref name="SortBy"/>,
/// <paramref name="Descending"/>), all pages, as a stream read from the database row by row: a million products never
/// sit in memory. Written as CSV by <see cref="Import.ProductCsv.WriteAsync"/>.
/// </summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record ExportProductsQuery(ProductFilter? Filter = null, ProductSortField SortBy = ProductSortField.Name, bool Descending = false)
    : IStreamRequest<ProductExportRow>
{
    public ProductFilter EffectiveFilter => Filter ?? ProductFilter.All;
}

/// <summary>One product as the CSV file has it: the category by name.</summary>
public sealed record ProductExportRow(
    string Sku,
    string Name,
    string? Description,
    decimal Price,
    int Stock,
    ProductStatus Status,
    string? Category,
    DateTimeOffset UpdatedAt);

internal sealed class ExportProductsValidator : IRequestValidator<ExportProductsQuery>
{
    private readonly ListProductsValidator _list = new();

    // The same rules as the list's (search length, status, one category or none), on the same filter and sort.
    public Task ValidateAsync(ExportProductsQuery request, ValidationErrors errors, CancellationToken cancellationToken) =>
        _list.ValidateAsync(new ListProductsQuery(request.Filter, request.SortBy, request.Descending), errors, cancellationToken);
}

internal sealed class ExportProductsHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IStreamRequestHandler<ExportProductsQuery, ProductExportRow>
{
    public async IAsyncEnumerable<ProductExportRow> Handle(ExportProductsQuery request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = ProductSelection.Ordered(ProductSelection.Matching(db, request.EffectiveFilter), request.SortBy, request.Descending, db.Database.IsPostgreSql())
            .Select(p => new ProductExportRow(
                p.Sku, p.Name, p.Description, p.Price, p.Stock, p.Status,
                db.Categories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.UpdatedAt))
            .AsAsyncEnumerable();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
