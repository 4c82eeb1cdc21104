using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Persistence;

public sealed class CatalogGeneratorTests : HandlerTest
{
    [Fact]
    public async Task Generated_products_are_valid_searchable_counted_and_the_triggers_are_back()
    {
        await CreateAsync(sku: "BEFORE-1", name: "Made before the load");

        var triggersBefore = await TriggerCountAsync(Host.ConnectionString);
        var result = await CatalogGenerator.GenerateAsync(Host.ConnectionString, 5_000, seed: 7, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5_000, result.Created);
        var page = await Host.SendAsync(new ListProductsQuery(PageSize: 100));
        Assert.Equal(5_001, page.TotalCount); // the trigger-kept count includes the load
        await using (var db = Host.OpenDb())
        {
            var products = await db.Products.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(5_001, products.Count);
            Assert.All(products, p => Assert.Null(ProductRules.NameError(p.Name) ?? ProductRules.SkuError(p.Sku) ?? ProductRules.PriceError(p.Price) ?? ProductRules.StockError(p.Stock)));
            Assert.Equal(products.Count, products.Select(p => p.Sku).Distinct().Count());
            Assert.True(products.Select(p => p.Name).Distinct().Count() > 4_000, "Names should vary.");
        }

        // Generated rows are in the search index, and later changes keep it in step (triggers restored).
        var someName = (await Host.SendAsync(new ListProductsQuery(SortBy: ProductSortField.Sku, PageSize: 1))).Items[0].Name;
        Assert.Contains((await Host.SendAsync(new ListProductsQuery(new ProductFilter(someName)))).Items, p => p.Name == someName);
        var added = await CreateAsync(sku: "AFTER-1", name: "Made after the load");
        Assert.Equal([added], (await Host.SendAsync(new ListProductsQuery(new ProductFilter("after the load")))).Items.Select(p => p.Id));
        Assert.Equal(5_002, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        Assert.Equal(triggersBefore, await TriggerCountAsync(Host.ConnectionString));
    }

    private static async Task<long> TriggerCountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Products'";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
