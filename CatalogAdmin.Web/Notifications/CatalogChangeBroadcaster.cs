using MediatR;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// Tells every open page of every circuit that the catalog changed (a product or a category: the saved change's
/// notification), so lists and the activity log refresh without a reload. Subscribers must dispose their
/// subscription when they go away.
/// </summary>
public sealed class CatalogChangeBroadcaster(TimeProvider time, ILogger<CatalogChangeBroadcaster> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<INotification, Task>> _subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>How often at most a list refreshes while changes keep coming.</summary>
    public static readonly TimeSpan ListRefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// For lists: on a change that <paramref name="concerns"/> the list, <paramref name="refresh"/> runs at once,
    /// then at most once per <see cref="ListRefreshInterval"/> (see <see cref="LiveRefresh"/>). Dispose to stop.
    /// </summary>
    public IDisposable SubscribeRefresh(Func<INotification, bool> concerns, Func<Task> refresh)
    {
        var live = new LiveRefresh(refresh, ListRefreshInterval, time, logger);
        var subscription = Subscribe(change =>
        {
            // A resync (changes elsewhere may have been missed) concerns every list.
            if (change is CatalogResyncNotification || concerns(change))
            {
                live.Notify();
            }

            return Task.CompletedTask;
        });
        return new Both(subscription, live);
    }

    public IDisposable Subscribe(Func<INotification, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    public async Task BroadcastAsync(INotification change)
    {
        Func<INotification, Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(change);
            }
            catch (Exception exception)
            {
                // One broken page (e.g. a circuit that just dropped) must not stop the others' updates.
                logger.LogWarning(exception, "A live-update subscriber failed for {Change}", change);
            }
        }
    }

    private void Unsubscribe(Func<INotification, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChange);
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    private sealed class Subscription(CatalogChangeBroadcaster owner, Func<INotification, Task> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }
}
