using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Persistence;

/// <summary>Entities updated many to a statement are stored as SaveChanges stores them, and the database's triggers follow.</summary>
public class MultiRowUpdateTests : HandlerTest
{
    /// <summary>More rows than one statement takes (500 parameters; 5 values a row for a price change): two statements.</summary>
    private const int Count = 120;

    [Fact]
    public async Task Products_updated_together_are_stored_as_SaveChanges_stores_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var together = new List<Guid>();
        var alone = new List<Guid>();
        for (var i = 0; i < Count; i++)
        {
            together.Add(await CreateAsync($"TOG-{i:D3}", $"Desk lamp {i}", 10m + i, i));
            alone.Add(await CreateAsync($"ALN-{i:D3}", $"Desk lamp {i}", 10m + i, i));
        }

        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = Host.Clock.GetUtcNow();

        // Three kinds of change, so three groups of changed columns: a price and stock, a name (the search key
        // with it), a move to the trash (the search-index and count triggers fire for the last two).
        void Change(Product product, int i)
        {
            switch (i % 3)
            {
                case 0:
                    product.Update(product.Fields with { Price = product.Fields.Price * 1.05m, Stock = 0 }, now);
                    break;
                case 1:
                    product.Update(product.Fields with { Name = $"Renamed lamp {i}" }, now);
                    break;
                default:
                    product.MoveToTrash("editor@example.com", now);
                    break;
            }
        }

        await using (var db = Host.OpenDb())
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var products = await db.Products.Where(p => together.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            for (var i = 0; i < Count; i++)
            {
                Change(products[together[i]], i);
            }

            await db.UpdateModifiedAsync<Product>(cancellationToken);
            Assert.All(db.ChangeTracker.Entries<Product>(), entry => Assert.Equal(EntityState.Unchanged, entry.State));
            await transaction.CommitAsync(cancellationToken);
        }

        await using (var db = Host.OpenDb())
        {
            var products = await db.Products.Where(p => alone.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            for (var i = 0; i < Count; i++)
            {
                Change(products[alone[i]], i);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // Every column holds what SaveChanges wrote for the same change, in the same storage type.
        for (var i = 0; i < Count; i++)
        {
            var written = await StoredColumnsAsync(together[i]);
            var saved = await StoredColumnsAsync(alone[i]);
            Assert.Equal(saved.Keys, written.Keys);
            foreach (var (column, value) in saved.Where(c => c.Key is not ("Id" or "Sku" or "SearchKey")))
            {
                Assert.Equal(value?.GetType(), written[column]?.GetType());
                Assert.Equal(value, written[column]);
            }

            Assert.Equal(2, await StoredVersionAsync(together[i]));
        }

        // The triggers followed: renamed ones are found by their new names only, trashed ones are counted out.
        var renamed = Count / 3;
        Assert.Equal(2 * renamed, (await Host.SendAsync(new ListProductsQuery(new ProductFilter("renamed lamp")))).TotalCount);
        Assert.Equal(2 * (Count - renamed - Count / 3), (await Host.SendAsync(new ListProductsQuery(new ProductFilter("desk lamp")))).TotalCount);
        Assert.Equal(2 * (Count - Count / 3), (await Host.SendAsync(new ListProductsQuery(PageSize: 1))).TotalCount);
        Assert.Equal(2 * (Count / 3), (await Host.SendAsync(new ListTrashQuery(PageSize: 1))).TotalCount);
    }

    [Fact]
    public async Task A_product_changed_since_it_was_read_stops_the_write()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await CreateAsync($"STALE-{i}", price: 10m));
        }

        await using (var db = Host.OpenDb())
        {
            var products = await db.Products.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);

            // Someone else saves the eighth after it was read.
            await Host.SendAsync(new UpdateProductCommand(ids[7], ValidFields("STALE-7", price: 12m), 1));

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var product in products)
            {
                product.Update(product.Fields with { Price = 11m }, Host.Clock.GetUtcNow());
            }

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.UpdateModifiedAsync<Product>(cancellationToken));
        }

        // Rolled back with its transaction: nobody's price is 11, and the other save stands.
        for (var i = 0; i < ids.Count; i++)
        {
            var product = await Host.SendAsync(new GetProductQuery(ids[i]));
            Assert.Equal(i == 7 ? 12m : 10m, product!.Fields.Price);
        }
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_stops_the_write_and_its_transaction_keeps_nothing_of_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await CreateAsync($"OLD-{i}"));
        }

        await CreateAsync("TAKEN-1");

        await using (var db = Host.OpenDb())
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            for (var i = 0; i < ids.Count; i++)
            {
                // One statement; its sixth row takes a SKU another product has, after five rows were written.
                var product = products[ids[i]];
                product.Update(product.Fields with { Sku = i == 5 ? "TAKEN-1" : $"NEW-{i}" }, Host.Clock.GetUtcNow());
            }

            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.UpdateModifiedAsync<Product>(cancellationToken));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal($"OLD-{i}", (await Host.SendAsync(new GetProductQuery(ids[i])))!.Fields.Sku);
        }

        Assert.Null(await Host.SendAsync(new FindProductBySkuQuery("NEW-0")));
    }

    [Fact]
    public async Task Rows_are_not_written_outside_a_transaction()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var id = await CreateAsync("ALONE-1", price: 10m);

        await using (var db = Host.OpenDb())
        {
            var product = await db.Products.SingleAsync(p => p.Id == id, cancellationToken);
            product.Update(product.Fields with { Price = 11m }, Host.Clock.GetUtcNow());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.UpdateModifiedAsync<Product>(cancellationToken));
        }

        Assert.Equal(10m, (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Price);
    }
}
