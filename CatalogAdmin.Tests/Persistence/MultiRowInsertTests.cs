using System.Data.Common;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Persistence;

/// <summary>Entities inserted many to a statement are stored as SaveChanges stores them, and the database's triggers follow.</summary>
public class MultiRowInsertTests : HandlerTest
{
    /// <summary>More rows than one statement takes (500 parameters, 14 columns a product): three statements.</summary>
    private const int Count = 80;

    [Fact]
    public async Task Products_inserted_together_are_stored_as_SaveChanges_stores_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var lamps = await Host.SendAsync(new CreateCategoryCommand("Lamps"));
        var now = Host.Clock.GetUtcNow();
        var products = Enumerable.Range(0, Count).Select(i => new Product(
            new ProductFields(
                $"Together lamp {i}", $"TOG-{i:D3}", i % 3 == 0 ? null : $"Lamp “{i}”, it's bright", 10.5m + i, i,
                (ProductStatus)(i % 3), i % 2 == 0 ? lamps : null),
            now.AddMinutes(i))).ToList();
        var twin = new Product(products[1].Fields with { Sku = "TWIN-1" }, now.AddMinutes(1));

        await using (var db = Host.OpenDb())
        {
            await db.InsertAllAsync(products, cancellationToken);
            db.Products.Add(twin);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Every column holds what SaveChanges wrote for the same fields, in the same storage type (a Guid as the same
        // text, a time as the same ticks), apart from the values that differ by design.
        var together = await StoredColumnsAsync(products[1].Id);
        var alone = await StoredColumnsAsync(twin.Id);
        Assert.Equal(alone.Keys, together.Keys);
        foreach (var (column, value) in alone)
        {
            Assert.Equal(value?.GetType(), together[column]?.GetType());
            if (column is not ("Id" or "Sku" or "SearchKey"))
            {
                Assert.Equal(value, together[column]);
            }
        }

        Assert.Equal(twin.Id.ToString(), alone["Id"]!.ToString(), ignoreCase: true);
        Assert.Equal(products[1].Id.ToString(), together["Id"]!.ToString(), ignoreCase: true);

        // Read back through the app's own requests: found by id with every value, by search, and counted.
        foreach (var product in products)
        {
            var stored = await Host.SendAsync(new GetProductQuery(product.Id));
            Assert.NotNull(stored);
            Assert.Equal(product.Fields, stored.Fields);
            Assert.Equal(product.Version, stored.Version);
        }

        var found = await Host.SendAsync(new ListProductsQuery(new ProductFilter("together lamp"), PageSize: 100));
        Assert.Equal(Count + 1, found.TotalCount); // and the twin
        var category = Assert.Single(await Host.SendAsync(new ListCategoriesQuery()));
        Assert.Equal(Count / 2, category.ProductCount);
        Assert.Equal(Count + 1, (await Host.SendAsync(new ListProductsQuery(PageSize: 1))).TotalCount);
    }

    [Fact]
    public async Task A_row_the_database_refuses_leaves_none_of_its_statement()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await CreateAsync("TAKEN-1");
        var now = Host.Clock.GetUtcNow();
        var products = Enumerable.Range(0, 10)
            .Select(i => new Product(ValidFields(i == 7 ? "TAKEN-1" : $"NEW-{i}"), now))
            .ToList();

        await using (var db = Host.OpenDb())
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.InsertAllAsync(products, cancellationToken));
        }

        Assert.Equal(1, (await Host.SendAsync(new ListProductsQuery(PageSize: 1))).TotalCount);
    }
}
