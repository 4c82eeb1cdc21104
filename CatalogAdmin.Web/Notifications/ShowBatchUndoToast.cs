using CatalogAdmin.Core.Products;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>One toast for the undo of an import or bulk action, for the user who undid it.</summary>
internal sealed class ShowBatchUndoToast(ISnackbar snackbar) : INotificationHandler<ProductBatchUndoneNotification>
{
    public Task Handle(ProductBatchUndoneNotification notification, CancellationToken cancellationToken)
    {
        snackbar.Add(notification.Summary, notification.Skipped == 0 ? Severity.Success : Severity.Warning);
        return Task.CompletedTask;
    }
}
