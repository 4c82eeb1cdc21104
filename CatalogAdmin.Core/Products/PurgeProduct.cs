using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Deletes a product in the trash permanently (Admin only); its SKU is free again. True when it did; false when the
/// product is not in the trash (a live product must go to the trash first).
/// </summary>
[RequiresPermission(Permission.PurgeProducts)]
public sealed record PurgeProductCommand(Guid Id) : IRequest<bool>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

internal sealed class PurgeProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<PurgeProductCommand, bool>
{
    public async Task<bool> Handle(PurgeProductCommand request, CancellationToken cancellationToken)
    {
        var purged = await TrashPurge.PurgeAsync(dbFactory, [request.Id], cutoff: null, cancellationToken);
        if (purged is not [var product])
        {
            return false;
        }

        await publisher.Publish(
            new ProductPurgedNotification(product.Id, product.Fields, clock.GetUtcNow()) { ChangedBy = user.Name },
            CancellationToken.None);
        return true;
    }
}

/// <summary>Deleting products from the trash, shared by the Admin's purge and the retention.</summary>
internal static class TrashPurge
{
    public sealed record PurgedProduct(Guid Id, ProductFields Fields);

    /// <summary>
    /// Deletes those of <paramref name="ids"/> that are in the trash (and there since before <paramref name="cutoff"/>,
    /// when given), and returns what they were. Read and delete are one write transaction (Microsoft.Data.Sqlite begins
    /// it IMMEDIATE), so a restore from elsewhere lands wholly before or after it.
    /// </summary>
    public static async Task<IReadOnlyList<PurgedProduct>> PurgeAsync(
        IDbContextFactory<CatalogDbContext> dbFactory, IReadOnlyCollection<Guid> ids, DateTimeOffset? cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var candidates = Eligible(db, ids, cutoff);
        var products = await candidates
            .Select(p => new PurgedProduct(p.Id, new ProductFields(p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, p.CategoryId)))
            .ToListAsync(cancellationToken);
        if (products.Count == 0)
        {
            return [];
        }

        await Eligible(db, products.Select(p => p.Id).ToList(), cutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return products;
    }

    private static IQueryable<Product> Eligible(CatalogDbContext db, IReadOnlyCollection<Guid> ids, DateTimeOffset? cutoff)
    {
        var products = db.Products.InTrash().Where(p => ids.Contains(p.Id));
        return cutoff is { } before ? products.Where(p => p.DeletedAt < before) : products;
    }
}
