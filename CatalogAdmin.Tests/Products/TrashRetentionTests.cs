using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Maintenance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogAdmin.Tests.Products;

/// <summary>What stays in the trash longer than the retention period is purged, logged and recorded; on a fake clock.</summary>
public class TrashRetentionTests : HandlerTest
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Fact]
    public async Task Products_trashed_longer_than_the_retention_are_purged_logged_and_recorded_and_the_rest_stay()
    {
        var old = await TrashAsync("OLD-1", "Old lamp");
        Host.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await TrashAsync("NEW-1", "New lamp");
        var live = await CreateAsync(sku: "LIVE-1", name: "Live lamp");

        Host.Clock.Advance(TimeSpan.FromDays(10)); // the old one is exactly 30 days in the trash: not yet
        Assert.Equal(0, await PurgeExpiredAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await PurgeExpiredAsync());

        Assert.Equal([recent], (await Host.SendAsync(new ListTrashQuery())).Items.Select(p => p.Id));
        Assert.NotNull(await Host.SendAsync(new GetProductQuery(live)));
        var purged = Assert.Single(Notifications.Published.OfType<ProductPurgedNotification>());
        Assert.Equal((old, "OLD-1", TrashRetention.Actor), (purged.ProductId, purged.Sku, purged.ChangedBy));
        var entry = (await Host.SendAsync(new ListActivityQuery())).Items[0];
        Assert.Equal((ProductChangeKind.Purged, "Old lamp", TrashRetention.Actor, false), (entry.Kind, entry.ProductName, entry.ChangedBy?.DisplayName, entry.ProductExists));
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Purged", StringComparison.Ordinal) && e.Message.Contains("OLD-1", StringComparison.Ordinal));
        Assert.Contains(Host.Logs.Entries, e => e.Message == "Trash retention purged 1 products trashed more than 30 days ago");

        Host.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, await PurgeExpiredAsync());
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery())).TotalCount);
    }

    [Fact]
    public async Task A_product_restored_in_time_is_kept()
    {
        var id = await TrashAsync("LAMP-1", "Desk lamp");
        Host.Clock.Advance(TimeSpan.FromDays(29));
        Assert.True(await Host.SendAsync(new RestoreProductCommand(id)));

        Host.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await PurgeExpiredAsync());

        Assert.NotNull(await Host.SendAsync(new GetProductQuery(id)));
    }

    [Fact]
    public async Task Many_expired_products_are_purged_in_batches()
    {
        for (var i = 0; i < TrashRetention.BatchSize + 3; i++)
        {
            await TrashAsync($"BULK-{i}", $"Bulk item {i}");
        }

        Host.Clock.Advance(Retention + TimeSpan.FromDays(1));

        Assert.Equal(TrashRetention.BatchSize + 3, await PurgeExpiredAsync());
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery())).TotalCount);
    }

    [Fact]
    public async Task The_background_service_runs_at_start_and_then_every_hour_on_the_apps_clock()
    {
        await TrashAsync("LAMP-1", "Desk lamp");
        var runs = new System.Collections.Concurrent.BlockingCollection<int>();
        using var service = new TrashRetentionService(
            Host.Services.GetRequiredService<IServiceScopeFactory>(), new TrashRetentionOptions(30), Host.Clock, NullLogger<TrashRetentionService>.Instance);
        service.RunCompleted += runs.Add;

        await service.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, NextRun(runs)); // at start: nothing is due

        Host.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, NextRun(runs)); // the hourly timer fired on the fake clock

        await service.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery())).TotalCount);
    }

    [Fact]
    public void Retention_days_come_from_configuration_with_30_by_default_and_must_be_positive()
    {
        Assert.Equal(30, TrashRetentionOptions.FromConfiguration(Configuration()).Days);
        Assert.Equal(7, TrashRetentionOptions.FromConfiguration(Configuration(("Catalog:TrashRetentionDays", "7"))).Days);
        Assert.Throws<InvalidOperationException>(() => TrashRetentionOptions.FromConfiguration(Configuration(("Catalog:TrashRetentionDays", "0"))));
    }

    private static int NextRun(System.Collections.Concurrent.BlockingCollection<int> runs) =>
        runs.TryTake(out var purged, 30_000, TestContext.Current.CancellationToken)
            ? purged
            : throw new TimeoutException("The retention service did not run.");

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private async Task<Guid> TrashAsync(string sku, string name)
    {
        var id = await CreateAsync(sku: sku, name: name);
        Assert.True(await Host.SendAsync(new DeleteProductCommand(id)));
        return id;
    }

    private async Task<int> PurgeExpiredAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrashRetention>().PurgeExpiredAsync(Retention, TestContext.Current.CancellationToken);
    }
}
