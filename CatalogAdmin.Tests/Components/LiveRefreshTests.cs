using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.Logging;

namespace CatalogAdmin.Tests.Components;

/// <summary>Open lists refresh on every change, but a burst of changes costs each list two queries, not one per change.</summary>
public sealed class LiveRefreshTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task The_first_change_refreshes_at_once_and_a_burst_after_it_folds_into_one_more()
    {
        var refreshed = 0;
        using var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshed); return Task.CompletedTask; }, Interval, NoLog());

        live.Notify();
        Assert.Equal(1, refreshed);

        for (var i = 0; i < 20; i++) live.Notify();
        Assert.Equal(1, refreshed); // the rest wait for the interval

        await WaitUntilAsync(() => refreshed == 2);
        await Task.Delay(Interval * 3, TestContext.Current.CancellationToken);
        Assert.Equal(2, refreshed);

        live.Notify(); // quiet for longer than the interval: at once again
        Assert.Equal(3, refreshed);
    }

    [Fact]
    public async Task Changes_during_a_slow_refresh_give_exactly_one_more()
    {
        var refreshed = 0;
        var release = new TaskCompletionSource();
        using var live = new LiveRefresh(async () => { Interlocked.Increment(ref refreshed); await release.Task; }, Interval, NoLog());

        live.Notify();
        for (var i = 0; i < 10; i++) live.Notify();
        release.SetResult();

        await WaitUntilAsync(() => refreshed == 2);
        await Task.Delay(Interval * 3, TestContext.Current.CancellationToken);
        Assert.Equal(2, refreshed);
    }

    [Fact]
    public async Task A_failed_refresh_is_logged_and_the_next_change_still_refreshes()
    {
        var logs = new CapturedLogs();
        var calls = 0;
        using var live = new LiveRefresh(() => ++calls == 1 ? throw new ObjectDisposedException("circuit") : Task.CompletedTask, TimeSpan.Zero, logs.CreateLogger("test"));

        live.Notify();
        live.Notify();

        await WaitUntilAsync(() => calls == 2);
        var warning = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.IsType<ObjectDisposedException>(warning.Exception);
    }

    [Fact]
    public async Task After_dispose_changes_refresh_nothing_even_one_already_waiting()
    {
        var refreshed = 0;
        var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshed); return Task.CompletedTask; }, Interval, NoLog());
        live.Notify();
        live.Notify(); // waits for the interval

        live.Dispose();
        live.Notify();
        await Task.Delay(Interval * 3, TestContext.Current.CancellationToken);

        Assert.Equal(1, refreshed);
    }

    private static ILogger NoLog() => new CapturedLogs().CreateLogger("test");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "timed out waiting");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
