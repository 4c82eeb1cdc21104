using CatalogAdmin.Core;
using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

/// <summary>Delete moves a product to the trash; restore brings it back whole; purge (Admin) removes it for good.</summary>
public class TrashTests : HandlerTest
{
    public static TheoryData<string> Callers => new() { "anonymous", Roles.Viewer, Roles.Editor, Roles.Admin };

    [Fact]
    public async Task Delete_moves_the_product_to_the_trash_saying_who_and_when_and_a_second_delete_is_false()
    {
        var id = await CreateAsync(sku: "LAMP-1", name: "Desk lamp");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        Host.User.SignInAs("editor@example.com", Roles.Editor);

        Assert.True(await Host.SendAsync(new DeleteProductCommand(id)));
        Assert.False(await Host.SendAsync(new DeleteProductCommand(id)));

        Assert.Null(await Host.SendAsync(new GetProductQuery(id)));
        var trash = await Host.SendAsync(new ListTrashQuery());
        var trashed = Assert.Single(trash.Items);
        Assert.Equal((id, "Desk lamp", "LAMP-1", Host.Clock.GetUtcNow(), "editor@example.com"),
            (trashed.Id, trashed.Name, trashed.Sku, trashed.DeletedAt, trashed.DeletedBy));
        Assert.Equal(1, trash.TotalCount);
        var deleted = Assert.Single(Notifications.Published.OfType<ProductDeletedNotification>());
        Assert.Equal(("Desk lamp", "editor@example.com"), (deleted.Name, deleted.ChangedBy));
    }

    [Fact]
    public async Task Trashed_products_leave_the_list_search_counts_and_category_counts_and_restore_brings_them_back()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var mug = await Host.SendAsync(new CreateProductCommand(new ProductFields("Blue café mug", "MUG-1", null, 9.5m, 4, ProductStatus.Active, mugs)));
        await CreateAsync(sku: "LAMP-1", name: "Desk lamp");

        Assert.True(await Host.SendAsync(new DeleteProductCommand(mug)));
        await AssertLiveAsync(mugs, expected: ["LAMP-1"], mugCount: 0);

        Assert.True(await Host.SendAsync(new RestoreProductCommand(mug)));
        await AssertLiveAsync(mugs, expected: ["LAMP-1", "MUG-1"], mugCount: 1);
        Assert.Empty((await Host.SendAsync(new ListTrashQuery())).Items);
    }

    [Fact]
    public async Task Restore_brings_back_every_value_with_a_new_version()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var fields = new ProductFields("Blue mug", "MUG-1", "Stoneware, 300 ml.", 9.5m, 4, ProductStatus.Draft, mugs);
        var id = await Host.SendAsync(new CreateProductCommand(fields));
        var before = await Host.SendAsync(new GetProductQuery(id));

        await Host.SendAsync(new DeleteProductCommand(id));
        Assert.True(await Host.SendAsync(new RestoreProductCommand(id)));

        var after = await Host.SendAsync(new GetProductQuery(id));
        Assert.Equal(before! with { Version = after!.Version }, after);
        Assert.Equal(3, after.Version); // trashed, then restored: a form opened before the delete cannot save over it
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.SendAsync(new UpdateProductCommand(id, fields with { Stock = 1 }, before.Version)));
        var restored = Assert.Single(Notifications.Published.OfType<ProductRestoredNotification>());
        Assert.Equal(fields, restored.Fields);
    }

    [Fact]
    public async Task Restore_after_its_category_was_deleted_brings_the_product_back_without_one()
    {
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        var cups = await Host.SendAsync(new CreateCategoryCommand("Cups"));
        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("Blue mug", "MUG-1", null, 9.5m, 4, ProductStatus.Active, mugs)));
        await Host.SendAsync(new CreateProductCommand(new ProductFields("Tea cup", "CUP-1", null, 5m, 2, ProductStatus.Active, cups)));
        await Host.SendAsync(new DeleteProductCommand(id));

        Assert.True(await Host.SendAsync(new DeleteCategoryCommand(mugs)));
        Assert.True(await Host.SendAsync(new RestoreProductCommand(id)));

        var product = await Host.SendAsync(new GetProductQuery(id));
        Assert.Equal(new ProductFields("Blue mug", "MUG-1", null, 9.5m, 4, ProductStatus.Active, null), product!.Fields);
        Assert.Null(product.CategoryName);
        Assert.Equal([("Cups", 1)], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => (c.Name, c.ProductCount)));
        Assert.Equal(2, (await Host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: false)))).TotalCount);
        Assert.Equal(1, (await Host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)))).TotalCount);
    }

    [Fact]
    public async Task A_trashed_sku_stays_reserved_for_create_and_rename_until_the_product_is_purged()
    {
        var lamp = await CreateAsync(sku: "LAMP-1", name: "Desk lamp");
        var chair = await CreateAsync(sku: "CHAIR-1", name: "Chair");
        await Host.SendAsync(new DeleteProductCommand(lamp));

        var created = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(ValidCreate(sku: "lamp-1", name: "New lamp")));
        var renamed = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.SendAsync(new UpdateProductCommand(chair, ValidFields(sku: "LAMP-1", name: "Chair"), 1)));
        foreach (var refused in new[] { created, renamed })
        {
            var message = Assert.Single(refused.Errors[nameof(Product.Sku)]);
            Assert.Equal("SKU LAMP-1 is held by “Desk lamp”, a product in the trash. Restore that product, or delete it permanently, to use the SKU here.", message);
        }

        Assert.Equal(["CHAIR-1"], await SkusAsync());
        Assert.True(await Host.SendAsync(new PurgeProductCommand(lamp)));
        await Host.SendAsync(ValidCreate(sku: "LAMP-1", name: "New lamp"));
        Assert.Equal(["CHAIR-1", "LAMP-1"], await SkusAsync());
    }

    [Fact]
    public async Task Purge_deletes_only_what_is_in_the_trash_once()
    {
        var id = await CreateAsync(sku: "LAMP-1");

        Assert.False(await Host.SendAsync(new PurgeProductCommand(id))); // live: it must go to the trash first
        Assert.NotNull(await Host.SendAsync(new GetProductQuery(id)));
        Assert.False(await Host.SendAsync(new RestoreProductCommand(id))); // not in the trash

        await Host.SendAsync(new DeleteProductCommand(id));
        Assert.True(await Host.SendAsync(new PurgeProductCommand(id)));
        Assert.False(await Host.SendAsync(new PurgeProductCommand(id)));
        Assert.False(await Host.SendAsync(new RestoreProductCommand(id)));
        Assert.False(await Host.SendAsync(new DeleteProductCommand(id)));

        await using var db = Host.OpenDb();
        Assert.False(await db.Products.AnyAsync(p => p.Id == id, TestContext.Current.CancellationToken));
        var purged = Assert.Single(Notifications.Published.OfType<ProductPurgedNotification>());
        Assert.Equal(("LAMP-1", "admin@example.com"), (purged.Sku, purged.ChangedBy));
        var activity = await Host.SendAsync(new ListActivityQuery());
        Assert.Equal([ProductChangeKind.Purged, ProductChangeKind.Deleted, ProductChangeKind.Created], activity.Items.Select(e => e.Kind));
        Assert.Equal("admin@example.com", activity.Items[0].ChangedBy?.Email);
    }

    [Fact]
    public async Task A_trashed_product_cannot_be_updated()
    {
        var id = await CreateAsync(sku: "LAMP-1");
        await Host.SendAsync(new DeleteProductCommand(id));

        await Assert.ThrowsAsync<NotFoundException>(() => Host.SendAsync(new UpdateProductCommand(id, ValidFields(sku: "LAMP-1", stock: 9), 2)));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Trash_restore_and_purge_for_every_role(string caller)
    {
        var role = caller == "anonymous" ? null : caller;
        var id = await CreateAsync(sku: "LAMP-1");
        var other = await CreateAsync(sku: "CHAIR-1", name: "Chair");
        await Host.SendAsync(new DeleteProductCommand(other)); // as an Admin: something in the trash to restore and purge
        if (role is null)
        {
            Host.User.SignOut();
        }
        else
        {
            Host.User.SignInAs($"{role.ToLowerInvariant()}@example.com", role);
        }

        var mayEdit = role is Roles.Editor or Roles.Admin;
        await ExpectAsync(new ListTrashQuery(), allowed: role is not null);
        await ExpectAsync(new DeleteProductCommand(id), allowed: mayEdit);
        await ExpectAsync(new RestoreProductCommand(other), allowed: mayEdit);
        await ExpectAsync(new DeleteProductCommand(other), allowed: mayEdit);
        await ExpectAsync(new PurgeProductCommand(other), allowed: role is Roles.Admin);

        await using var db = Host.OpenDb();
        var state = await db.Products.OrderBy(p => p.Sku)
            .Select(p => new { p.Sku, InTrash = p.DeletedAt != null })
            .ToListAsync(TestContext.Current.CancellationToken);
        var expected = role switch
        {
            Roles.Admin => new[] { ("LAMP-1", true) },
            Roles.Editor => [("CHAIR-1", true), ("LAMP-1", true)],
            _ => [("CHAIR-1", true), ("LAMP-1", false)],
        };
        Assert.Equal(expected, state.Select(s => (s.Sku, s.InTrash)));
    }

    [Fact]
    public async Task The_trash_lists_newest_first_pages_and_searches_by_name_or_sku_ignoring_accents()
    {
        string[] skus = ["MUG-1", "MUG-2", "LAMP-1", "CAFE-9"];
        string[] names = ["Blue mug", "Red mug", "Desk lamp", "Café table"];
        for (var i = 0; i < skus.Length; i++)
        {
            var id = await CreateAsync(sku: skus[i], name: names[i]);
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Host.SendAsync(new DeleteProductCommand(id));
        }

        await CreateAsync(sku: "MUG-3", name: "Live mug"); // not in the trash: never listed there

        Assert.Equal(["CAFE-9", "LAMP-1", "MUG-2", "MUG-1"], (await Host.SendAsync(new ListTrashQuery())).Items.Select(p => p.Sku));
        var second = await Host.SendAsync(new ListTrashQuery(Page: 2, PageSize: 3));
        Assert.Equal(["MUG-1"], second.Items.Select(p => p.Sku));
        Assert.Equal(4, second.TotalCount);
        Assert.Equal(["MUG-2", "MUG-1"], (await Host.SendAsync(new ListTrashQuery("mug"))).Items.Select(p => p.Sku));
        Assert.Equal(["LAMP-1"], (await Host.SendAsync(new ListTrashQuery("lamp-1"))).Items.Select(p => p.Sku));
        Assert.Equal(["CAFE-9"], (await Host.SendAsync(new ListTrashQuery("cafe"))).Items.Select(p => p.Sku));
        Assert.Equal(["MUG-2"], (await Host.SendAsync(new ListTrashQuery("re"))).Items.Select(p => p.Sku)); // a word's start
        Assert.Equal(0, (await Host.SendAsync(new ListTrashQuery("sofa"))).TotalCount);
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new ListTrashQuery(new string('x', 201))));
    }

    private async Task AssertLiveAsync(Guid mugs, string[] expected, int mugCount)
    {
        var all = await Host.SendAsync(new ListProductsQuery(SortBy: ProductSortField.Sku));
        Assert.Equal(expected, all.Items.Select(p => p.Sku));
        Assert.Equal(expected.Length, all.TotalCount);
        var searched = await Host.SendAsync(new ListProductsQuery(new ProductFilter("cafe")));
        Assert.Equal(expected.Contains("MUG-1") ? 1 : 0, searched.TotalCount);
        Assert.Equal(searched.TotalCount, searched.Items.Count);
        var shortSearch = await Host.SendAsync(new ListProductsQuery(new ProductFilter("bl")));
        Assert.Equal(expected.Contains("MUG-1") ? 1 : 0, shortSearch.Items.Count);
        var inCategory = await Host.SendAsync(new ListProductsQuery(new ProductFilter(CategoryId: mugs)));
        Assert.Equal((mugCount, mugCount), (inCategory.TotalCount, inCategory.Items.Count));
        var filtered = await Host.SendAsync(new ListProductsQuery(new ProductFilter(Status: ProductStatus.Active)));
        Assert.Equal(expected.Length, filtered.TotalCount);
        Assert.Equal([("Mugs", mugCount)], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => (c.Name, c.ProductCount)));
    }

    private async Task<List<string>> SkusAsync()
    {
        var list = await Host.SendAsync(new ListProductsQuery(SortBy: ProductSortField.Sku));
        return list.Items.Select(p => p.Sku).ToList();
    }

    private async Task ExpectAsync(IBaseRequest request, bool allowed)
    {
        if (allowed)
        {
            await Host.SendUntypedAsync(request);
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Host.SendUntypedAsync(request));
        }
    }
}
