using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Brings a product back from the trash with all its values (<see cref="Product.Restore"/>); its category is none if
/// that category was deleted while the product was in the trash. True when it did; false when the product is not in
/// the trash (restored already, purged, or never there).
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record RestoreProductCommand(Guid Id) : IRequest<bool>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

internal sealed class RestoreProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<RestoreProductCommand, bool>
{
    public async Task<bool> Handle(RestoreProductCommand request, CancellationToken cancellationToken)
    {
        ProductRestoredNotification restored;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var product = await db.Products.InTrash().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken);
            if (product is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var before = product.Fields;
            product.Restore();
            ProductHistory.Record(db, product, before, ProductHistoryKind.Restored, ChangeSource.Restore, user.Name, now, changedByRole: ProductHistory.RoleOf(user));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false; // restored or purged by someone else since the read: it is no longer in the trash
            }

            // Deleting a category sets its products' category to none, those in the trash too (the foreign key), so the
            // product comes back without one; the category the entity holds is as stored.
            restored = new ProductRestoredNotification(product.Id, product.Fields, now) { ChangedBy = user.Name };
        }

        await publisher.Publish(restored, CancellationToken.None);
        return true;
    }
}
