using CatalogAdmin.Core.Products;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Shows the acting user a toast for the change they just saved. MediatR resolves this handler from the
/// scope of the circuit that sent the command, so the snackbar is that user's own.
/// </summary>
internal sealed class ShowProductToast(ISnackbar snackbar) :
    INotificationHandler<ProductCreatedNotification>,
    INotificationHandler<ProductUpdatedNotification>,
    INotificationHandler<ProductDeletedNotification>
{
    public Task Handle(ProductCreatedNotification notification, CancellationToken cancellationToken) => Show(notification);

    public Task Handle(ProductUpdatedNotification notification, CancellationToken cancellationToken) => Show(notification);

    public Task Handle(ProductDeletedNotification notification, CancellationToken cancellationToken) => Show(notification);

    public static string MessageFor(IProductChangeNotification change) => $"{change.Kind} \"{change.Name}\"";

    private Task Show(IProductChangeNotification change)
    {
        snackbar.Add(MessageFor(change), change.Kind == ProductChangeKind.Deleted ? Severity.Info : Severity.Success);
        return Task.CompletedTask;
    }
}
