using CatalogAdmin.Core.Products;
using MediatR;

namespace CatalogAdmin.Web.Notifications;

/// <summary>Passes every saved product change to the open pages of all circuits.</summary>
internal sealed class BroadcastProductChange(CatalogChangeBroadcaster broadcaster) : ProductChangeHandler
{
    // Other circuits render on their own dispatchers; don't make the acting user wait for them.
    protected override Task HandleAsync(IProductChangeNotification change, CancellationToken cancellationToken)
    {
        _ = Task.Run(() => broadcaster.BroadcastAsync(change));
        return Task.CompletedTask;
    }
}
