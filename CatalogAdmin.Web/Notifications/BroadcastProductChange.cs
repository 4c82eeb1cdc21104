using CatalogAdmin.Core.Products;
using MediatR;

namespace CatalogAdmin.Web.Notifications;

/// <summary>Passes every saved product change to the open pages of all circuits.</summary>
internal sealed class BroadcastProductChange(CatalogChangeBroadcaster broadcaster) :
    INotificationHandler<ProductCreatedNotification>,
    INotificationHandler<ProductUpdatedNotification>,
    INotificationHandler<ProductDeletedNotification>
{
    public Task Handle(ProductCreatedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(ProductUpdatedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    public Task Handle(ProductDeletedNotification notification, CancellationToken cancellationToken) => Broadcast(notification);

    // Other circuits render on their own dispatchers; don't make the acting user wait for them.
    private Task Broadcast(IProductChangeNotification change)
    {
        _ = Task.Run(() => broadcaster.BroadcastAsync(change));
        return Task.CompletedTask;
    }
}
