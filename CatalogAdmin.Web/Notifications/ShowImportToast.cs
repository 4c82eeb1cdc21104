using CatalogAdmin.Core.Import;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>One toast for the import the user just applied (never one per product), from the circuit that sent it.</summary>
internal sealed class ShowImportToast(ISnackbar snackbar) : INotificationHandler<ProductsImportedNotification>
{
    public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken)
    {
        snackbar.Add(notification.Summary, Severity.Success);
        return Task.CompletedTask;
    }
}
