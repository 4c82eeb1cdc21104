using CatalogAdmin.Core.Import;
using CatalogAdmin.Web.Components.Shared;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>One toast, with its Undo, for the import the user just applied (never one per product), from the circuit that sent it.</summary>
internal sealed class ShowImportToast(ISnackbar snackbar, BatchUndo undo) : INotificationHandler<ProductsImportedNotification>
{
    public Task Handle(ProductsImportedNotification notification, CancellationToken cancellationToken)
    {
        snackbar.Add(notification.Summary, Severity.Success, undo.UndoAction(notification.ImportId));
        return Task.CompletedTask;
    }
}
