using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Reliability;

/// <summary>Many staff at once on one SQLite file: nothing said to be saved is lost, nothing refused is half-done.</summary>
public class ConcurrencyTests : HandlerTest
{
    [Fact]
    public async Task Eight_writers_of_250_creates_each_all_land_and_none_sees_a_locked_database()
    {
        const int writers = 8, perWriter = 250;

        var failures = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var errors = new List<Exception>();
            for (var i = 0; i < perWriter; i++)
            {
                try
                {
                    await Host.SendAsync(new CreateProductCommand(new ProductFields($"Writer {writer} item {i}", $"W{writer}-{i:D4}", null, 1.5m + i, i)));
                }
                catch (Exception exception)
                {
                    errors.Add(exception);
                }
            }

            return errors;
        })));

        Assert.Empty(failures.SelectMany(f => f));
        await using var db = Host.OpenDb();
        Assert.Equal(writers * perWriter, await db.Products.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Lists_and_searches_keep_answering_with_consistent_pages_while_a_writer_runs()
    {
        for (var i = 0; i < 50; i++)
        {
            await CreateAsync(sku: $"BASE-{i:D3}", name: $"Base item {i}");
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 400; i++)
            {
                await Host.SendAsync(new CreateProductCommand(new ProductFields($"Burst item {i}", $"BURST-{i:D4}", null, 2m, 1)));
            }
        }, TestContext.Current.CancellationToken);

        var reads = 0;
        while (!writer.IsCompleted && reads < 200)
        {
            var page = await Host.SendAsync(new ListProductsQuery(new ProductFilter(reads % 2 == 0 ? null : "item"), ProductSortField.Price, false, 1, 25));
            Assert.Equal(Math.Min(25, page.TotalCount), page.Items.Count);
            Assert.Equal(page.Items.Count, page.Items.Select(p => p.Id).Distinct().Count());
            Assert.True(page.TotalCount >= 50);
            reads++;
        }

        stop.Cancel();
        await writer;
        Assert.True(reads > 5, $"Only {reads} reads completed while the writer ran.");
    }

    [Fact]
    public async Task Of_ten_parallel_updates_from_one_version_exactly_one_wins_and_its_values_are_stored()
    {
        var id = await CreateAsync(sku: "RACE-1", price: 10m, stock: 1);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(n => Task.Run(async () =>
        {
            try
            {
                await Host.SendAsync(new UpdateProductCommand(id, new ProductFields($"Racer {n}", "RACE-1", null, n, n), Version: 1));
                return (Racer: n, Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Racer: n, Error: exception);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<ConcurrencyConflictException>(o.Error));
        var stored = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal(($"Racer {winner.Racer}", (decimal)winner.Racer, winner.Racer, 2L), (stored.Fields.Name, stored.Fields.Price, stored.Fields.Stock, stored.Version));
    }

    [Fact]
    public async Task A_delete_racing_an_update_leaves_no_half_state()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = await CreateAsync(sku: $"DEL-{round:D2}");

            var update = Task.Run(async () =>
            {
                try
                {
                    await Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Updated", $"DEL-{round:D2}", null, 5m, 5), 1));
                    return null;
                }
                catch (Exception exception)
                {
                    return exception;
                }
            });
            var delete = Task.Run(() => Host.SendAsync(new DeleteProductCommand(id)));

            var updateError = await update;
            Assert.True(await delete, "The delete found the product gone, but nothing else deleted it.");
            Assert.True(updateError is null or NotFoundException or ConcurrencyConflictException, $"Unexpected {updateError}");
            Assert.Null(await Host.SendAsync(new GetProductQuery(id)));
        }
    }
}
