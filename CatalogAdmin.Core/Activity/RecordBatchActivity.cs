using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Activity;

/// <summary>
/// Writes one activity entry per applied import, bulk action, quick-edit save and undo (never one per product), with
/// the batch's id so the Activity page can offer its undo. It runs after the batch is saved, so a failure here never
/// undoes it.
/// </summary>
internal sealed class RecordBatchActivity(IDbContextFactory<CatalogDbContext> dbFactory)
    : INotificationHandler<ProductsImportedNotification>,
      INotificationHandler<ProductsChangedInBulkNotification>,
      INotificationHandler<ProductBatchUndoneNotification>
{
    public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken) => AddAsync(notification, cancellationToken);

    public Task Handle(ProductsChangedInBulkNotification notification, CancellationToken cancellationToken) => AddAsync(notification, cancellationToken);

    public Task Handle(ProductBatchUndoneNotification notification, CancellationToken cancellationToken) => AddAsync(notification, cancellationToken);

    private async Task AddAsync(IBatchChangeNotification batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Activity.Add(ActivityEntry.For(batch));
        await db.SaveChangesAsync(cancellationToken);
    }
}
