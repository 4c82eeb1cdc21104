using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The product that holds a SKU (any case), other than <paramref name="ExceptId"/>; null when none does.
/// The form uses it to link the product named in a duplicate-SKU message.
/// </summary>
[RequiresPermission(Permission.ViewCatalog)]
public sealed record FindProductBySkuQuery(string Sku, Guid? ExceptId = null) : IRequest<SkuHolder?>;

public sealed record SkuHolder(Guid Id, string Name);

internal sealed class FindProductBySkuHandler(IDbContextFactory<CatalogDbContext> dbFactory) : IRequestHandler<FindProductBySkuQuery, SkuHolder?>
{
    public async Task<SkuHolder?> Handle(FindProductBySkuQuery request, CancellationToken cancellationToken)
    {
        var sku = ProductRules.NormalizeSku(request.Sku);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Products
            .AsNoTracking()
            .Where(p => p.Sku == sku && p.Id != request.ExceptId)
            .Select(p => new SkuHolder(p.Id, p.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
