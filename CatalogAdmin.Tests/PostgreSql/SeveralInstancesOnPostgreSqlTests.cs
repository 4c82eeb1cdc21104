using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Tests.PostgreSql;

/// <summary>Two app instances' Core on one PostgreSQL database, each running the background work as the app does.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SeveralInstancesOnPostgreSqlTests(PostgreSqlTestDatabase database) : HandlerTest, IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    protected override PostgreSqlTestDatabase PostgreSql => database;

    [Fact]
    public async Task Two_instances_purging_the_trash_at_once_purge_each_product_exactly_once_without_errors()
    {
        var trashed = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            var id = await CreateAsync(sku: $"OLD-{i}", name: $"Old lamp {i}");
            Assert.True(await Host.SendAsync(new DeleteProductCommand(id)));
            trashed.Add(id);
        }

        var secondNotifications = (NotificationRecorder?)null;
        await using var second = await CatalogTestHost.StartAsync((services, _) => secondNotifications = NotificationRecorder.AddTo(services), sharedWith: Host);
        Host.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        second.Clock.SetUtcNow(Host.Clock.GetUtcNow());

        var counts = await Task.WhenAll(PurgeExpiredAsync(Host), PurgeExpiredAsync(second), PurgeExpiredAsync(Host), PurgeExpiredAsync(second));

        Assert.Equal(trashed.Count, counts.Sum());
        var purged = Notifications.Published.OfType<ProductPurgedNotification>()
            .Concat(secondNotifications!.Published.OfType<ProductPurgedNotification>())
            .Select(p => p.ProductId)
            .Order()
            .ToList();
        Assert.Equal(trashed.Order(), purged);
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery())).TotalCount);
        var activity = await Host.SendAsync(new ListActivityQuery(PageSize: 100));
        Assert.Equal(trashed.Count, activity.Items.Count(e => e.Kind == ProductChangeKind.Purged));
        // (EF Core logs its look for the migrations table of a database not yet migrated as an error: not this test's business.)
        Assert.DoesNotContain(
            Host.Logs.Entries.Concat(second.Logs.Entries),
            e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && !e.Message.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
    }

    private static async Task<int> PurgeExpiredAsync(CatalogTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrashRetention>().PurgeExpiredAsync(Retention, TestContext.Current.CancellationToken);
    }
}
