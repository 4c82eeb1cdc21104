using MediatR;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// Base of a handler that treats every product change alike (log it, record it, show it): it receives
/// the created, updated, deleted (trashed), restored and purged notifications and handles each as an
/// <see cref="IProductChangeNotification"/>.
/// </summary>
public abstract class ProductChangeHandler :
    INotificationHandler<ProductCreatedNotification>,
    INotificationHandler<ProductUpdatedNotification>,
    INotificationHandler<ProductDeletedNotification>,
    INotificationHandler<ProductRestoredNotification>,
    INotificationHandler<ProductPurgedNotification>
{
    public Task Handle(ProductCreatedNotification notification, CancellationToken cancellationToken) => HandleAsync(notification, cancellationToken);

    public Task Handle(ProductUpdatedNotification notification, CancellationToken cancellationToken) => HandleAsync(notification, cancellationToken);

    public Task Handle(ProductDeletedNotification notification, CancellationToken cancellationToken) => HandleAsync(notification, cancellationToken);

    public Task Handle(ProductRestoredNotification notification, CancellationToken cancellationToken) => HandleAsync(notification, cancellationToken);

    public Task Handle(ProductPurgedNotification notification, CancellationToken cancellationToken) => HandleAsync(notification, cancellationToken);

    protected abstract Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken);
}
