using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;

namespace CatalogAdmin.Tests.Products;

public class UpdateProductTests : HandlerTest
{
    [Fact]
    public async Task Update_saves_the_values_moves_updated_at_and_returns_a_new_version()
    {
        var id = await CreateAsync(sku: "LAMP-1");
        var before = (await Host.SendAsync(new GetProductQuery(id)))!;
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var version = await Host.SendAsync(new UpdateProductCommand(id, new ProductFields(" Brighter lamp ", "lamp-2", null, 24.50m, 7), before.Version));

        var after = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal(("Brighter lamp", "LAMP-2", (string?)null, 24.50m, 7), (after.Fields.Name, after.Fields.Sku, after.Fields.Description, after.Fields.Price, after.Fields.Stock));
        Assert.Equal(version, after.Version);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(before.UpdatedAt + TimeSpan.FromMinutes(5), after.UpdatedAt);
    }

    [Fact]
    public async Task Update_with_stale_version_is_a_conflict_and_keeps_the_newer_values()
    {
        var id = await CreateAsync(sku: "LAMP-1");
        var read = (await Host.SendAsync(new GetProductQuery(id)))!;
        await Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Their name", read.Fields.Sku, null, 30m, 3), read.Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("My name", read.Fields.Sku, null, 10m, 1), read.Version)));

        var stored = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal(("Their name", 30m, 3), (stored.Fields.Name, stored.Fields.Price, stored.Fields.Stock));
        Assert.Single(Notifications.Published, n => n is ProductUpdatedNotification);
    }

    [Fact]
    public async Task Update_of_a_missing_product_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(
            () => Host.SendAsync(new UpdateProductCommand(Guid.NewGuid(), new ProductFields("Lamp", "LAMP-1", null, 1m, 1), 1)));
    }

    [Fact]
    public async Task Update_to_another_products_sku_in_any_case_is_refused_on_sku()
    {
        await CreateAsync(sku: "TAKEN-1");
        var id = await CreateAsync(sku: "MINE-1");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "taken-1", null, 1m, 1), 1)));

        Assert.Equal(["SKU TAKEN-1 is already used by “Desk lamp”."], refused.Errors["Sku"]);
    }

    [Fact]
    public async Task Update_may_keep_its_own_sku_in_other_case()
    {
        var id = await CreateAsync(sku: "MINE-1");

        await Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "mine-1", null, 1m, 1), 1));

        Assert.Equal("MINE-1", (await Host.SendAsync(new GetProductQuery(id)))!.Fields.Sku);
    }

    [Fact]
    public async Task A_refused_update_changes_nothing_and_publishes_nothing()
    {
        var id = await CreateAsync(sku: "LAMP-1", price: 19.99m);

        await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "LAMP-1", null, 1.999m, 1), 1)));

        var stored = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal((19.99m, 1L), (stored.Fields.Price, stored.Version));
        Assert.DoesNotContain(Notifications.Published, n => n is ProductUpdatedNotification);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_writes_nothing_and_publishes_nothing()
    {
        var id = await CreateAsync(sku: "LAMP-1", price: 24.50m);
        var read = (await Host.SendAsync(new GetProductQuery(id)))!;
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        // The same values as typed in a form: untrimmed, SKU in lower case, the price with another scale.
        var version = await Host.SendAsync(new UpdateProductCommand(
            id, read.Fields with { Name = $" {read.Fields.Name} ", Sku = "lamp-1", Price = 24.5m }, read.Version));

        var stored = (await Host.SendAsync(new GetProductQuery(id)))!;
        Assert.Equal(read.Version, version);
        Assert.Equal((read.Version, read.UpdatedAt), (stored.Version, stored.UpdatedAt));
        Assert.DoesNotContain(Notifications.Published, n => n is ProductUpdatedNotification);
    }

    [Fact]
    public async Task A_duplicate_sku_names_the_product_that_holds_it_and_the_lookup_finds_it()
    {
        var holder = await CreateAsync(sku: "TAKEN-1", name: "Brass lamp");
        var id = await CreateAsync(sku: "MINE-1");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Lamp", "taken-1", null, 1m, 1), 1)));

        Assert.Equal(["SKU TAKEN-1 is already used by “Brass lamp”."], refused.Errors["Sku"]);
        Assert.Equal(new SkuHolder(holder, "Brass lamp"), await Host.SendAsync(new FindProductBySkuQuery(" taken-1 ", id)));
        Assert.Null(await Host.SendAsync(new FindProductBySkuQuery("TAKEN-1", holder))); // its own SKU is no duplicate
    }
}
