using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Persistence;

public sealed class CatalogGeneratorTests : HandlerTest
{
    [Fact]
    public async Task Generated_products_are_valid_searchable_counted_and_the_triggers_and_indexes_are_back()
    {
        await CreateAsync(sku: "BEFORE-1", name: "Made before the load");

        var schemaBefore = await ProductsSchemaAsync(Host.ConnectionString);
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
        Assert.Equal(schemaBefore, await ProductsSchemaAsync(Host.ConnectionString));
    }

    /// <summary>The Products table's triggers and indexes, by name, with their SQL.</summary>
    private static async Task<List<(string Type, string Name, string? Sql)>> ProductsSchemaAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND tbl_name = 'Products' ORDER BY type, name";
        var schema = new List<(string, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            schema.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        Assert.Contains(schema, s => s.Item1 == "index" && s.Item3 is not null); // there are indexes to set aside
        return schema;
    }
}
