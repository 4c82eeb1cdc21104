using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Categories;

/// <summary>The product counts the triggers keep, through every change that moves a product in or out of a category.</summary>
public class CategoryCountTests : HandlerTest
{
    [Fact]
    public async Task Counts_stay_right_through_create_move_delete_product_and_delete_category()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var cables = await Host.SendAsync(new CreateCategoryCommand("Cables"));
        await AssertCountsAsync(("Cables", 0), ("Mugs", 0));

        var mug1 = await CreateInAsync("MUG-1", mugs);
        var mug2 = await CreateInAsync("MUG-2", mugs);
        await CreateInAsync("MUG-3", mugs);
        var cable1 = await CreateInAsync("CBL-1", cables);
        await CreateInAsync("CBL-2", cables);
        var loose = await CreateInAsync("LOOSE-1", null);
        await AssertCountsAsync(("Cables", 2), ("Mugs", 3));

        await MoveAsync(mug1, cables);
        await AssertCountsAsync(("Cables", 3), ("Mugs", 2));
        await MoveAsync(cable1, null);
        await AssertCountsAsync(("Cables", 2), ("Mugs", 2));
        await MoveAsync(loose, mugs);
        await AssertCountsAsync(("Cables", 2), ("Mugs", 3));

        // An edit that keeps the category keeps the count.
        var kept = await Host.SendAsync(new GetProductQuery(mug2));
        await Host.SendAsync(new UpdateProductCommand(mug2, kept!.Fields with { Stock = 99, Status = ProductStatus.Archived }, kept.Version));
        await AssertCountsAsync(("Cables", 2), ("Mugs", 3));

        Assert.True(await Host.SendAsync(new DeleteProductCommand(mug2)));
        await AssertCountsAsync(("Cables", 2), ("Mugs", 2));

        await Host.SendAsync(new RenameCategoryCommand(mugs, "Cups"));
        await AssertCountsAsync(("Cables", 2), ("Cups", 2));

        Assert.True(await Host.SendAsync(new DeleteCategoryCommand(cables)));
        await AssertCountsAsync(("Cups", 2));
    }

    [Fact]
    public async Task Deleting_a_category_keeps_its_products_without_a_category()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var other = await Host.SendAsync(new CreateCategoryCommand("Other"));
        var inMugs = new[] { await CreateInAsync("MUG-1", mugs), await CreateInAsync("MUG-2", mugs) };
        var inOther = await CreateInAsync("OTHER-1", other);
        var before = await Host.SendAsync(new GetProductQuery(inMugs[0]));

        Assert.True(await Host.SendAsync(new DeleteCategoryCommand(mugs)));

        foreach (var id in inMugs)
        {
            var product = await Host.SendAsync(new GetProductQuery(id));
            Assert.NotNull(product);
            Assert.Null(product.Fields.CategoryId);
            Assert.Null(product.CategoryName);
        }

        var unchanged = await Host.SendAsync(new GetProductQuery(inMugs[0]));
        Assert.Equal(before!.Fields with { CategoryId = null }, unchanged!.Fields);
        Assert.Equal(before.Version, unchanged.Version); // the database cleared the link; nobody edited the product
        Assert.Equal(other, (await Host.SendAsync(new GetProductQuery(inOther)))!.Fields.CategoryId);

        var uncategorized = await Host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)));
        Assert.Equal(inMugs.Order(), uncategorized.Items.Select(p => p.Id).Order());
        Assert.Equal(2, uncategorized.TotalCount);
        Assert.Equal(3, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
        await AssertCountsAsync(("Other", 1));
    }

    [Fact]
    public async Task A_product_can_be_given_the_category_again_after_it_was_deleted_and_recreated()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var id = await CreateInAsync("MUG-1", mugs);
        await Host.SendAsync(new DeleteCategoryCommand(mugs));

        var again = await Host.SendAsync(new CreateCategoryCommand("mugs"));
        await MoveAsync(id, again);

        await AssertCountsAsync(("mugs", 1));
        Assert.Equal("mugs", (await Host.SendAsync(new GetProductQuery(id)))!.CategoryName);
    }

    private Task<Guid> CreateInAsync(string sku, Guid? categoryId) =>
        Host.SendAsync(new CreateProductCommand(ValidFields(sku, name: $"Product {sku}") with { CategoryId = categoryId }));

    private async Task MoveAsync(Guid productId, Guid? categoryId)
    {
        var product = await Host.SendAsync(new GetProductQuery(productId));
        await Host.SendAsync(new UpdateProductCommand(productId, product!.Fields with { CategoryId = categoryId }, product.Version));
    }

    /// <summary>The counts the list shows are these, and are the products really in each category; a category filter totals the same.</summary>
    private async Task AssertCountsAsync(params (string Name, int Count)[] expected)
    {
        var listed = await Host.SendAsync(new ListCategoriesQuery());
        Assert.Equal(expected, listed.Select(c => (c.Name, c.ProductCount)));

        await using var db = Host.OpenDb();
        foreach (var category in listed)
        {
            var counted = await db.Products.Live().CountAsync(p => p.CategoryId == category.Id, TestContext.Current.CancellationToken);
            Assert.Equal(counted, category.ProductCount);
            Assert.Equal(counted, (await Host.SendAsync(new ListProductsQuery(new ProductFilter(CategoryId: category.Id)))).TotalCount);
        }

        var uncategorized = await db.Products.Live().CountAsync(p => p.CategoryId == null, TestContext.Current.CancellationToken);
        Assert.Equal(uncategorized, (await Host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)))).TotalCount);
    }
}
