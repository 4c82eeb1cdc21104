using MediatR;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Carries a saved change to the open pages of every app instance on the catalog's database: in-process with SQLite
/// (<see cref="InProcessChangeBus"/>), through PostgreSQL's LISTEN/NOTIFY with several instances (<see cref="PostgreSqlChangeBus"/>).
/// Each instance hands what reaches it to its own <see cref="CatalogChangeBroadcaster"/>.
/// </summary>
public interface ICatalogChangeBus
{
    Task PublishAsync(INotification change, CancellationToken cancellationToken);
}

/// <summary>One instance: the change goes straight to this instance's open pages.</summary>
internal sealed class InProcessChangeBus(CatalogChangeBroadcaster broadcaster) : ICatalogChangeBus
{
    public Task PublishAsync(INotification change, CancellationToken cancellationToken) => broadcaster.BroadcastAsync(change);
}

/// <summary>
/// Sent to this instance's pages when changes made elsewhere may have been missed (the connection that hears them was
/// lost for a while): every list refreshes once.
/// </summary>
public sealed record CatalogResyncNotification : INotification
{
    public static readonly CatalogResyncNotification Instance = new();
}
