namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// A list's live refresh: the first change refreshes at once; changes that arrive while it runs, or within
/// <paramref name="minimumInterval"/> of its start, fold into one more refresh when the interval is up. So a
/// burst of edits costs each open list two queries, not one per edit, and the broadcaster never waits for
/// any list's query.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeSpan minimumInterval, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _busy;
    private bool _pending;
    private bool _disposed;
    private long? _lastStarted;
    private Task _running = Task.CompletedTask;

    /// <summary>Completes when no refresh is running or waiting: lets a test see the outcome of what it set off.</summary>
    internal Task Idle => _running;

    public void Notify()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_busy)
            {
                _pending = true;
                return;
            }

            _busy = true;
        }

        _running = RunAsync();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            if (_lastStarted is { } started && minimumInterval - time.GetElapsedTime(started) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    _busy = false;
                    return;
                }

                _pending = false; // this refresh covers every change so far
            }

            _lastStarted = time.GetTimestamp();
            try
            {
                await refresh();
            }
            catch (Exception exception)
            {
                // E.g. the circuit went away mid-refresh; the next change tries again.
                logger.LogWarning(exception, "A live refresh failed");
            }

            lock (_gate)
            {
                if (!_pending || _disposed)
                {
                    _busy = false;
                    return;
                }
            }
        }
    }
}
