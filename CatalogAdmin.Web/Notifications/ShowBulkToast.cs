using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Web.Components.Shared;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Shows the acting user one toast per bulk action or quick-edit save ("Raised the price of 1,240 products by 5%"),
/// however many products it changed, with its Undo. Resolved from the sending circuit's scope, so the snackbar is that
/// user's own.
/// </summary>
internal sealed class ShowBulkToast(ISnackbar snackbar, BatchUndo undo) : INotificationHandler<ProductsChangedInBulkNotification>
{
    public static string MessageFor(ProductsChangedInBulkNotification change) => change.Skipped switch
    {
        0 => change.Summary,
        1 => $"{change.Summary}; 1 skipped",
        var skipped => $"{change.Summary}; {skipped:N0} skipped",
    };

    public Task Handle(ProductsChangedInBulkNotification notification, CancellationToken cancellationToken)
    {
        snackbar.Add(MessageFor(notification), Severity.Success, undo.UndoAction(notification.BatchId));
        return Task.CompletedTask;
    }
}
