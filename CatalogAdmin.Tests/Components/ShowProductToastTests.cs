using Bunit;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CatalogAdmin.Tests.Components;

public sealed class ShowProductToastTests : MudBunitContext
{
    [Fact]
    public async Task Each_change_becomes_a_snackbar_naming_the_product()
    {
        var providers = Providers;
        var toast = new ShowProductToast(Services.GetRequiredService<ISnackbar>());
        var id = Guid.NewGuid();

        await providers.InvokeAsync(() => toast.Handle(new ProductCreatedNotification(id, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow), default));
        await providers.InvokeAsync(() => toast.Handle(new ProductUpdatedNotification(id, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow), default));
        await providers.InvokeAsync(() => toast.Handle(new ProductDeletedNotification(id, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow), default));

        await providers.InvokeAsync(() => toast.Handle(new ProductRestoredNotification(id, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow), default));
        await providers.InvokeAsync(() => toast.Handle(new ProductPurgedNotification(id, new ProductFields("Dell XPS 15", "DELL-XPS15", null, 1m, 1), DateTimeOffset.UtcNow), default));

        Assert.Equal(
            ["Created \"Dell XPS 15\"", "Updated \"Dell XPS 15\"", "Moved \"Dell XPS 15\" to the trash", "Restored \"Dell XPS 15\"", "Deleted \"Dell XPS 15\" permanently"],
            SnackbarMessages());
        providers.WaitForAssertion(() => Assert.Contains("Created \"Dell XPS 15\"", providers.Find(".mud-snackbar").TextContent));
    }
}
