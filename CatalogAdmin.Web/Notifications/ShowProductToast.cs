using CatalogAdmin.Core.Products;
using MediatR;
using MudBlazor;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Shows the acting user a toast for the change they just saved. MediatR resolves this handler from the
/// scope of the circuit that sent the command, so the snackbar is that user's own.
/// </summary>
internal sealed class ShowProductToast(ISnackbar snackbar) : ProductChangeHandler
{
    public static string MessageFor(IProductChangeNotification change) => change switch
    {
        ProductUpdatedNotification { Source: ChangeSource.Revert } => $"Reverted a change of \"{change.Name}\"",
        { Kind: ProductChangeKind.Deleted } => $"Moved \"{change.Name}\" to the trash",
        { Kind: ProductChangeKind.Purged } => $"Deleted \"{change.Name}\" permanently",
        _ => $"{change.Kind} \"{change.Name}\"",
    };

    protected override Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken)
    {
        snackbar.Add(MessageFor(change), change.Kind is ProductChangeKind.Deleted or ProductChangeKind.Purged ? Severity.Info : Severity.Success);
        return Task.CompletedTask;
    }
}
