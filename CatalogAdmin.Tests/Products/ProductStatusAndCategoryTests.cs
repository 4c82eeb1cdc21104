using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

/// <summary>A product's status and category: the values each may take, and a category that must exist.</summary>
public class ProductStatusAndCategoryTests : HandlerTest
{
    [Theory]
    [InlineData(ProductStatus.Draft)]
    [InlineData(ProductStatus.Active)]
    [InlineData(ProductStatus.Archived)]
    public async Task Every_status_is_stored_and_read_back_and_found_by_its_filter(ProductStatus status)
    {
        var id = await Host.SendAsync(new CreateProductCommand(ValidFields() with { Status = status }));

        Assert.Equal(status, (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Status);
        foreach (var filter in Enum.GetValues<ProductStatus>())
        {
            var listed = await Host.SendAsync(new ListProductsQuery(new ProductFilter(Status: filter)));
            Assert.Equal(filter == status ? [id] : [], listed.Items.Select(p => p.Id));
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public async Task A_status_that_does_not_exist_is_refused_on_Status_by_create_update_and_the_filter(int value)
    {
        var status = (ProductStatus)value;
        var id = await CreateAsync(sku: "LAMP-1");

        var created = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new CreateProductCommand(ValidFields(sku: "LAMP-2") with { Status = status })));
        var updated = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new UpdateProductCommand(id, ValidFields(sku: "LAMP-1") with { Status = status }, 1)));
        var listed = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new ListProductsQuery(new ProductFilter(Status: status))));

        Assert.Equal([nameof(ProductField.Status)], created.Errors.Keys);
        Assert.Equal([nameof(ProductField.Status)], updated.Errors.Keys);
        Assert.Equal([nameof(ProductFilter.Status)], listed.Errors.Keys);
        var stored = await Host.SendAsync(new GetProductQuery(id));
        Assert.Equal((ProductStatus.Active, 1L), (stored!.Fields.Status, stored.Version));
        Assert.Equal(1, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
    }

    [Fact]
    public async Task A_product_saved_with_a_category_that_no_longer_exists_is_refused_on_Category()
    {
        var gone = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var kept = await Host.SendAsync(new CreateCategoryCommand("Cups"));
        var id = await Host.SendAsync(new CreateProductCommand(ValidFields(sku: "MUG-1") with { CategoryId = gone }));
        var read = await Host.SendAsync(new GetProductQuery(id)); // an edit form opened now still holds "Mugs"
        await Host.SendAsync(new DeleteCategoryCommand(gone));

        var created = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new CreateProductCommand(ValidFields(sku: "MUG-2") with { CategoryId = gone })));
        var updated = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new UpdateProductCommand(id, read!.Fields with { Stock = 1 }, read.Version)));
        var never = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new CreateProductCommand(ValidFields(sku: "MUG-3") with { CategoryId = Guid.NewGuid() })));

        foreach (var refused in new[] { created, updated, never })
        {
            Assert.Equal([nameof(ProductField.Category)], refused.Errors.Keys);
            Assert.Equal(["That category no longer exists (someone deleted it). Choose another, or none."], refused.Errors[nameof(ProductField.Category)]);
        }

        var stored = await Host.SendAsync(new GetProductQuery(id));
        Assert.Equal((null, 5, 1L), (stored!.Fields.CategoryId, stored.Fields.Stock, stored.Version));
        Assert.Equal(1, (await Host.SendAsync(new ListProductsQuery())).TotalCount);

        // Choosing another category, or none, saves.
        await Host.SendAsync(new UpdateProductCommand(id, read!.Fields with { CategoryId = kept }, read.Version));
        Assert.Equal("Cups", (await Host.SendAsync(new GetProductQuery(id)))!.CategoryName);
    }

    [Fact]
    public async Task A_category_deleted_between_the_check_and_the_save_is_refused_on_Category_too()
    {
        var gone = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        await using (var db = Host.OpenDb())
        {
            // The validator saw the category; the row goes before the INSERT, as a racing delete would take it.
            await db.Database.ExecuteSqlRawAsync(
                Host.OnPostgreSql
                    ? """
                      CREATE OR REPLACE FUNCTION test_drop_category() RETURNS trigger LANGUAGE plpgsql
                          AS $$ BEGIN DELETE FROM "Categories" WHERE "Id" = NEW."CategoryId"; RETURN NEW; END $$;
                      CREATE TRIGGER "TestDropCategory" BEFORE INSERT ON "Products" FOR EACH ROW EXECUTE FUNCTION test_drop_category();
                      """
                    : "CREATE TRIGGER TestDropCategory BEFORE INSERT ON Products BEGIN DELETE FROM Categories WHERE Id = new.CategoryId; END;",
                TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new CreateProductCommand(ValidFields(sku: "MUG-1") with { CategoryId = gone })));

        Assert.Equal([nameof(ProductField.Category)], refused.Errors.Keys);
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery())).TotalCount);
    }
}
