using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;
using MediatR;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Passes every saved product, category or staff account change, every applied import, bulk change and undo (once
/// each), to the open pages of all circuits, on every app instance (<see cref="ICatalogChangeBus"/>).
/// </summary>
internal sealed class BroadcastCatalogChange(ICatalogChangeBus bus)
    : ProductChangeHandler,
      INotificationHandler<CategoryChangedNotification>,
      INotificationHandler<StaffChangedNotification>,
      INotificationHandler<ProductsImportedNotification>,
      INotificationHandler<ProductsChangedInBulkNotification>,
      INotificationHandler<ProductBatchUndoneNotification>
{
    public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(ProductsChangedInBulkNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(ProductBatchUndoneNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(CategoryChangedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(StaffChangedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    protected override Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken) => Broadcast(change);

    // Other circuits render on their own dispatchers; don't make the acting user wait for them.
    private Task Broadcast(INotification change)
    {
        _ = Task.Run(() => bus.PublishAsync(change, CancellationToken.None));
        return Task.CompletedTask;
    }
}
