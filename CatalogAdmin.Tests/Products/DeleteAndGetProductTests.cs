using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;

namespace CatalogAdmin.Tests.Products;

public class DeleteAndGetProductTests : HandlerTest
{
    [Fact]
    public async Task Get_returns_every_field_of_the_product()
    {
        var id = await Host.SendAsync(new CreateProductCommand(new ProductFields("Desk lamp", "LAMP-1", "Warm light.", 19.99m, 5)));

        var product = await Host.SendAsync(new GetProductQuery(id));

        var now = Host.Clock.GetUtcNow();
        Assert.Equal(new ProductDto(id, new ProductFields("Desk lamp", "LAMP-1", "Warm light.", 19.99m, 5), null, now, now, 1), product);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_null()
    {
        await CreateAsync();

        Assert.Null(await Host.SendAsync(new GetProductQuery(Guid.NewGuid())));
    }

    [Fact]
    public async Task Delete_removes_the_product_once_and_the_second_delete_finds_it_gone()
    {
        var id = await CreateAsync();

        Assert.True(await Host.SendAsync(new DeleteProductCommand(id)));
        Assert.False(await Host.SendAsync(new DeleteProductCommand(id)));

        Assert.Null(await Host.SendAsync(new GetProductQuery(id)));
        Assert.Single(Notifications.Published, n => n is ProductDeletedNotification);
    }
}
