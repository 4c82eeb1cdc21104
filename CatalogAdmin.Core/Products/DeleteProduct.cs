using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Moves a product to the trash (<see cref="Product.MoveToTrash"/>), from where it can be restored. True when it did;
/// false when the product is missing or already in the trash.
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record DeleteProductCommand(Guid Id) : IRequest<bool>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

internal sealed class DeleteProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<DeleteProductCommand, bool>
{
    /// <summary>Reads tried when another change is saved between this one's read and its write.</summary>
    private const int Attempts = 3;

    public async Task<bool> Handle(DeleteProductCommand request, CancellationToken cancellationToken)
    {
        ProductDeletedNotification? deleted = null;
        for (var attempt = 1; deleted is null; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var product = await db.Products.Live().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken);
            if (product is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            product.MoveToTrash(user.Name, now);
            ProductHistory.Record(db, product, product.Fields, ProductHistoryKind.Trashed, ChangeSource.Form, user.Name, now, changedByRole: ProductHistory.RoleOf(user));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                deleted = new ProductDeletedNotification(request.Id, product.Fields, now) { ChangedBy = user.Name };
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Saved since the read (an edit, or another delete): read again; a second delete then finds it gone.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(nameof(Product), request.Id);
            }
        }

        await publisher.Publish(deleted, CancellationToken.None);
        return true;
    }
}
