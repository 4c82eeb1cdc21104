using CatalogAdmin.Core.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Products;

/// <summary>Deletes a product. True when it deleted; false when the product was already gone.</summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record DeleteProductCommand(Guid Id) : IRequest<bool>, ICommand, IHasLogSubject
{
    public LogSubject LogSubject => new(nameof(Product), Id);
}

internal sealed class DeleteProductHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<DeleteProductCommand, bool>
{
    public async Task<bool> Handle(DeleteProductCommand request, CancellationToken cancellationToken)
    {
        ProductDeletedNotification deleted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var product = await db.Products
                .AsNoTracking()
                .Where(p => p.Id == request.Id)
                .Select(p => new ProductFields(p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, p.CategoryId))
                .SingleOrDefaultAsync(cancellationToken);
            if (product is null)
            {
                return false;
            }

            // Another delete may win between the read and this statement; then this one deleted nothing.
            var deletedRows = await db.Products.Where(p => p.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
            if (deletedRows == 0)
            {
                return false;
            }

            deleted = new ProductDeletedNotification(request.Id, product, clock.GetUtcNow()) { ChangedBy = user.Name };
        }

        await publisher.Publish(deleted, CancellationToken.None);
        return true;
    }
}
