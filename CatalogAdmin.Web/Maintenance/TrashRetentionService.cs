using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Web.Maintenance;

/// <summary>How long a product stays in the trash before it is purged (Catalog:TrashRetentionDays, default 30).</summary>
public sealed record TrashRetentionOptions(int Days)
{
    public TimeSpan Period => TimeSpan.FromDays(Days);

    public static TrashRetentionOptions FromConfiguration(IConfiguration configuration)
    {
        var days = configuration.GetValue("Catalog:TrashRetentionDays", TrashRetention.DefaultDays);
        if (days < 1)
        {
            throw new InvalidOperationException($"Catalog:TrashRetentionDays must be 1 or more; it is {days}.");
        }

        return new TrashRetentionOptions(days);
    }
}

/// <summary>
/// Purges what has been in the trash longer than the retention period: once at start-up, then every
/// <see cref="Interval"/>, on the app's <see cref="TimeProvider"/> (a test moves a fake clock instead of waiting).
/// A failed run is logged and the next one tries again; the app keeps running.
/// </summary>
public sealed partial class TrashRetentionService(
    IServiceScopeFactory scopes, TrashRetentionOptions options, TimeProvider clock, ILogger<TrashRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Runs once a run has finished (purged or failed): lets a test see the outcome of the time it moved.</summary>
    internal event Action<int>? RunCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // SQLite's async calls complete synchronously: never hold up the app's start
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            var purged = await RunOnceAsync(stoppingToken);
            RunCompleted?.Invoke(purged);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One run: purges what is due; returns how many products it purged (0 after a failure, which it logs).</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TrashRetention>().PurgeExpiredAsync(options.Period, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception)
        {
            LogFailed(exception);
            return 0;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The trash retention run failed; the next run tries again")]
    private partial void LogFailed(Exception exception);
}
