using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>Writes a row to the activity log for every saved product change.</summary>
internal sealed class RecordProductActivity(IDbContextFactory<CatalogDbContext> dbFactory) :
    INotificationHandler<ProductCreatedNotification>,
    INotificationHandler<ProductUpdatedNotification>,
    INotificationHandler<ProductDeletedNotification>
{
    public Task Handle(ProductCreatedNotification notification, CancellationToken cancellationToken) => RecordAsync(notification, cancellationToken);

    public Task Handle(ProductUpdatedNotification notification, CancellationToken cancellationToken) => RecordAsync(notification, cancellationToken);

    public Task Handle(ProductDeletedNotification notification, CancellationToken cancellationToken) => RecordAsync(notification, cancellationToken);

    private async Task RecordAsync(IProductChangeNotification change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Activity.Add(ActivityEntry.For(change));
        await db.SaveChangesAsync(cancellationToken);
    }
}
