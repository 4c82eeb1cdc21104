using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CatalogAdmin.Tests.Components;

/// <summary>
/// Open lists refresh on every change, but a burst of changes costs each list two queries, not one per change.
/// Time is a <see cref="FakeTimeProvider"/>, moved by hand: no test waits for real time to pass.
/// </summary>
public sealed class LiveRefreshTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task The_first_change_refreshes_at_once_and_a_burst_after_it_folds_into_one_more()
    {
        var refreshed = 0;
        using var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshed); return Task.CompletedTask; }, Interval, _time, NoLog());

        live.Notify();
        Assert.Equal(1, refreshed);

        for (var i = 0; i < 20; i++) live.Notify();
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, refreshed); // the rest wait for the interval
        Assert.False(live.Idle.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await live.Idle.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, refreshed);

        _time.Advance(Interval * 3);
        Assert.Equal(2, refreshed); // nothing was left waiting

        live.Notify(); // quiet for longer than the interval: at once again
        Assert.Equal(3, refreshed);
    }

    [Fact]
    public async Task Changes_during_a_slow_refresh_give_exactly_one_more()
    {
        var refreshed = 0;
        var release = new TaskCompletionSource();
        using var live = new LiveRefresh(async () => { Interlocked.Increment(ref refreshed); await release.Task; }, Interval, _time, NoLog());

        live.Notify();
        for (var i = 0; i < 10; i++) live.Notify();
        release.SetResult();
        _time.Advance(Interval);

        await live.Idle.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, refreshed);
        _time.Advance(Interval * 3);
        Assert.Equal(2, refreshed);
    }

    [Fact]
    public async Task A_failed_refresh_is_logged_and_the_next_change_still_refreshes()
    {
        var logs = new CapturedLogs();
        var calls = 0;
        using var live = new LiveRefresh(() => ++calls == 1 ? throw new ObjectDisposedException("circuit") : Task.CompletedTask, Interval, _time, logs.CreateLogger("test"));

        live.Notify();
        await live.Idle.WaitAsync(TestContext.Current.CancellationToken);
        _time.Advance(Interval);
        live.Notify();

        await live.Idle.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, calls);
        var warning = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.IsType<ObjectDisposedException>(warning.Exception);
    }

    [Fact]
    public async Task After_dispose_changes_refresh_nothing_even_one_already_waiting()
    {
        var refreshed = 0;
        var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshed); return Task.CompletedTask; }, Interval, _time, NoLog());
        live.Notify();
        live.Notify(); // waits for the interval

        live.Dispose();
        live.Notify();
        _time.Advance(Interval * 3);
        await live.Idle.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, refreshed);
    }

    private static ILogger NoLog() => new CapturedLogs().CreateLogger("test");
}
