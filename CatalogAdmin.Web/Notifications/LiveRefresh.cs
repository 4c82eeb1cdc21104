using System.Diagnostics;

namespace CatalogAdmin.Web.Notifications;

/// <summary>
/// A list's live refresh: the first change refreshes at once; changes that arrive while it runs, or within
/// <paramref name="minimumInterval"/> of its start, fold into one more refresh when the interval is up. So a
/// burst of edits costs each open list two queries, not one per edit, and the broadcaster never waits for
/// any list's query.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeSpan minimumInterval, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _pending;
    private bool _disposed;
    private long _lastStarted;

    public void Notify()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_running)
            {
                _pending = true;
                return;
            }

            _running = true;
        }

        _ = RunAsync();
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
            var wait = minimumInterval - Stopwatch.GetElapsedTime(_lastStarted);
            if (_lastStarted != 0 && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    _running = false;
                    return;
                }

                _pending = false; // this refresh covers every change so far
            }

            _lastStarted = Stopwatch.GetTimestamp();
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
                    _running = false;
                    return;
                }
            }
        }
    }
}
