using CatalogAdmin.Core.Categories;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Shows the acting user a toast for the category they just created, renamed or deleted. MediatR resolves this handler
/// from the scope of the circuit that sent the command, so the snackbar is that user's own.
/// </summary>
internal sealed class ShowCategoryToast(ISnackbar snackbar) : INotificationHandler<CategoryChangedNotification>
{
    public static string MessageFor(CategoryChangedNotification change) => change.Kind switch
    {
        CategoryChangeKind.Created => $"Created category \"{change.Name}\"",
        CategoryChangeKind.Renamed => $"Renamed category to \"{change.Name}\"",
        _ => change.ProductsAffected switch
        {
            0 => $"Deleted category \"{change.Name}\"",
            1 => $"Deleted category \"{change.Name}\"; its 1 product has no category now",
            var count => $"Deleted category \"{change.Name}\"; its {count:N0} products have no category now",
        },
    };

    public Task Handle(CategoryChangedNotification notification, CancellationToken cancellationToken)
    {
        snackbar.Add(MessageFor(notification), notification.Kind == CategoryChangeKind.Deleted ? Severity.Info : Severity.Success);
        return Task.CompletedTask;
    }
}
