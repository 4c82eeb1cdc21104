using CatalogAdmin.Core;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Bulk;

/// <summary>Saving the rows edited in the list's cells: one command, each row with its version.</summary>
public class QuickEditTests : HandlerTest
{
    private static QuickEditFields Edited(ProductDto product, int stock) => QuickEditFields.Of(product.Fields) with { Stock = stock };

    [Fact]
    public async Task A_save_with_one_stale_row_saves_the_others_and_returns_that_row_as_a_conflict_with_their_values()
    {
        var ids = new[] { await CreateAsync(sku: "MUG-1", stock: 1), await CreateAsync(sku: "MUG-2", stock: 2), await CreateAsync(sku: "MUG-3", stock: 3) };
        var read = new List<ProductDto>();
        foreach (var id in ids)
        {
            read.Add((await Host.SendAsync(new GetProductQuery(id)))!);
        }

        // Someone else saves the second product after the list read it.
        await Host.SendAsync(new UpdateProductCommand(ids[1], read[1].Fields with { Stock = 99, Name = "Their mug" }, read[1].Version));

        var result = await Host.SendAsync(new SaveQuickEditsCommand([.. read.Select(p => new QuickEditRow(p.Id, p.Version, Edited(p, 50)))]));

        Assert.Equal([ids[0], ids[2]], result.Saved.Select(s => s.Id));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((ids[1], 99, "Their mug", 2L), (conflict.Id, conflict.Theirs!.Stock, conflict.Theirs.Name, conflict.Version));
        await using var db = Host.OpenDb();
        var stored = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, TestContext.Current.CancellationToken);
        Assert.Equal((50, 50, 99), (stored[ids[0]].Stock, stored[ids[2]].Stock, stored[ids[1]].Stock));
        Assert.Equal(result.Saved.Select(s => s.Version), [stored[ids[0]].Version, stored[ids[2]].Version]);
        var notification = Assert.Single(Notifications.Bulk);
        Assert.Equal((BulkActionKind.QuickEdit, 2, "Saved changes to 2 products"), (notification.Action, notification.Changed, notification.Summary));

        // Overwriting theirs: the row sent again with the version the conflict gave.
        var overwrite = await Host.SendAsync(new SaveQuickEditsCommand([new QuickEditRow(ids[1], conflict.Version, Edited(read[1], 50))]));
        Assert.Single(overwrite.Saved);
    }

    [Fact]
    public async Task A_row_deleted_since_comes_back_as_a_conflict_without_values()
    {
        var id = await CreateAsync(sku: "MUG-1");
        await Host.SendAsync(new DeleteProductCommand(id));

        var result = await Host.SendAsync(new SaveQuickEditsCommand([new QuickEditRow(id, 1, new QuickEditFields("Mug", 1m, 1, ProductStatus.Active, null))]));

        Assert.Null(Assert.Single(result.Conflicts).Theirs);
        Assert.Empty(result.Saved);
    }

    [Fact]
    public async Task Quick_edit_changes_only_its_fields_and_keeps_sku_and_description()
    {
        var category = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var id = await CreateAsync(sku: "MUG-1");

        await Host.SendAsync(new SaveQuickEditsCommand([new QuickEditRow(id, 1, new QuickEditFields(" Big mug ", 12.50m, 8, ProductStatus.Archived, category))]));

        var stored = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal(new ProductFields("Big mug", "MUG-1", "A lamp for the desk.", 12.50m, 8, ProductStatus.Archived, category), stored.Fields);
        Assert.Equal(2L, stored.Version);
    }

    [Fact]
    public async Task Invalid_cells_refuse_the_whole_save_with_messages_keyed_by_row_and_field()
    {
        var first = await CreateAsync(sku: "MUG-1");
        var second = await CreateAsync(sku: "MUG-2");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new SaveQuickEditsCommand(
        [
            new QuickEditRow(first, 1, new QuickEditFields("", 1.999m, 1, ProductStatus.Active, null)),
            new QuickEditRow(second, 1, new QuickEditFields("Mug", 2m, -1, ProductStatus.Active, Guid.NewGuid())),
        ])));

        Assert.Equal(
            [$"{first}.Name", $"{first}.Price", $"{second}.Stock", $"{second}.Category"],
            refused.Errors.Keys);
        Assert.Equal("Stock cannot be negative.", refused.Errors[$"{second}.Stock"].Single());
        await using var db = Host.OpenDb();
        Assert.All(await db.Products.ToListAsync(TestContext.Current.CancellationToken), p => Assert.Equal(1L, p.Version));
    }
}
