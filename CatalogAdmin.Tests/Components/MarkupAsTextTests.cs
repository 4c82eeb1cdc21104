using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;
using CatalogAdmin.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CatalogAdmin.Tests.Components;

/// <summary>Markup typed into a product's name or description is shown as text everywhere, never run.</summary>
public sealed class MarkupAsTextTests : MudBunitContext
{
    private const string ScriptName = "<script>alert('name')</script>";
    private const string ImageDescription = "<img src=x onerror=alert('description')>";

    private static readonly ProductDto Hostile = TestProducts.Laptop with { Fields = TestProducts.Laptop.Fields with { Name = ScriptName, Description = ImageDescription } };

    [Fact]
    public void The_list_shows_markup_in_a_name_as_text()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(q => new(
            [new ProductListItem(Hostile.Id, Hostile.Fields.Name, Hostile.Fields.Sku, Hostile.Fields.Price, Hostile.Fields.Stock, ProductStatus.Active, null, null, Hostile.UpdatedAt)], 1, q.Page, q.PageSize));

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("a.product-name-link"), a => a.TextContent == ScriptName));
        Assert.Empty(page.FindAll("tbody script"));
    }

    [Fact]
    public void Details_show_markup_in_name_and_description_as_text()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(_ => Hostile);

        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Hostile.Id.ToString()));

        page.WaitForAssertion(() => Assert.Equal(ScriptName, page.Find("h1").TextContent));
        Assert.Contains(ImageDescription, page.Find(".mud-paper").TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public async Task A_toast_shows_markup_in_a_name_as_text()
    {
        var providers = Providers;
        var toast = new ShowProductToast(Services.GetRequiredService<ISnackbar>());

        await providers.InvokeAsync(() => toast.Handle(new ProductCreatedNotification(Hostile.Id, new ProductFields(ScriptName, Hostile.Fields.Sku, null, 1m, 1), DateTimeOffset.UtcNow), default));

        providers.WaitForAssertion(() => Assert.Contains($"Created \"{ScriptName}\"", providers.Find(".mud-snackbar").TextContent));
        Assert.Empty(providers.FindAll(".mud-snackbar script"));
    }
}
