using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>One product with every field, or null when there is no such product.</summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record GetProductQuery(Guid Id) : IRequest<ProductDto?>, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

/// <summary>A product as read; pass <see cref="Version"/> back unchanged in <see cref="UpdateProductCommand"/>.</summary>
public sealed record ProductDto(
    Guid Id,
    ProductFields Fields,
    string? CategoryName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

internal sealed class GetProductHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestHandler<GetProductQuery, ProductDto?>
{
    public async Task<ProductDto?> Handle(GetProductQuery request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Products
            .AsNoTracking()
            .Live()
            .Where(p => p.Id == request.Id)
            .Select(p => new ProductDto(
                p.Id,
                new ProductFields(p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, p.CategoryId),
                db.Categories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.CreatedAt,
                p.UpdatedAt,
                p.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
