using Bunit;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;
using Microsoft.Extensions.DependencyInjection;
using static CatalogAdmin.Tests.Components.TestProducts;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductDetailsPageTests : MudBunitContext
{
    public ProductDetailsPageTests()
    {
        Sender.Answer<GetProductQuery, ProductDto?>(query => query.Id == Laptop.Id ? Laptop : null);
    }

    [Fact]
    public void Shows_every_field_with_edit_and_delete()
    {
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));

        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Find("h1").TextContent));
        Assert.Equal(new GetProductQuery(Laptop.Id), Assert.Single(Sender.SentOf<GetProductQuery>()));
        Assert.Contains("DELL-XPS15", page.Markup);
        Assert.Contains("$1,999.99", page.Markup);
        Assert.Contains("A laptop.", page.Markup);
        Assert.Contains("11/1/2026", page.Markup); // created, shown in UTC until the browser's zone is known
        Assert.Contains("11/2/2026", page.Markup);
        Assert.Contains(page.FindAll("a, button"), e => e.TextContent.Trim() == "Edit");
        Assert.Contains(page.FindAll("button"), e => e.TextContent.Trim() == "Delete");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0195f0a0-0000-7000-8000-0000000000ff")]
    public void An_unknown_or_malformed_id_shows_product_not_found_with_a_way_back(string id)
    {
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Product not found", page.Find("h1").TextContent));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "products");
    }

    [Fact]
    public void Confirming_delete_sends_the_command_and_returns_to_the_list()
    {
        Sender.Answer<DeleteProductCommand, bool>(_ => true);
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => page.Find("h1"));

        ClickButton(page, "Delete");
        Providers.WaitForAssertion(() => Assert.Contains("Delete “", Providers.Markup));
        Assert.Contains("Dell XPS 15", Providers.Find(".mud-dialog").TextContent);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(new DeleteProductCommand(Laptop.Id), Assert.Single(Sender.SentOf<DeleteProductCommand>())));
        page.WaitForAssertion(() => Assert.EndsWith("/products", Navigation.Uri));
    }

    [Fact]
    public void Cancelling_delete_sends_nothing_and_stays()
    {
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => page.Find("h1"));
        var before = Navigation.Uri;

        ClickButton(page, "Delete");
        Providers.WaitForAssertion(() => Providers.Find(".mud-dialog"));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(Sender.SentOf<DeleteProductCommand>());
        Assert.Equal(before, Navigation.Uri);
    }

    [Fact]
    public void Deleting_a_product_someone_else_already_deleted_says_so()
    {
        Sender.Answer<DeleteProductCommand, bool>(_ => false);
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => page.Find("h1"));

        ClickButton(page, "Delete");
        Providers.WaitForAssertion(() => Providers.Find(".mud-dialog"));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("\"Dell XPS 15\" had already been deleted by someone else.", SnackbarMessages()));
        Assert.EndsWith("/products", Navigation.Uri);
    }

    [Fact]
    public void The_products_breadcrumb_leads_back_to_the_list_view_the_user_came_from()
    {
        _ = Services.GetRequiredService<ProductListReturn>(); // the list injects it on its first visit
        Navigation.NavigateTo("products?q=mug&status=active&sort=price&desc=true&page=2");
        Navigation.NavigateTo($"products/{Laptop.Id}");
        Navigation.NavigateTo($"products/{Laptop.Id}/edit"); // pages after the list do not replace it

        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));

        page.WaitForAssertion(() => Assert.Equal(
            "products?q=mug&status=active&sort=price&desc=true&page=2",
            page.FindAll(".mud-breadcrumbs a").Single(a => a.TextContent.Trim() == "Products").GetAttribute("href")));
    }

    [Fact]
    public async Task A_live_refresh_renames_the_breadcrumb_and_says_who_changed_the_product()
    {
        var page = RenderWithProviders<ProductDetailsPage>(p => p.Add(x => x.Id, Laptop.Id.ToString()));
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Find(".mud-breadcrumbs").TextContent));
        var renamed = Laptop with { Fields = Laptop.Fields with { Name = "Dell XPS 16" }, Version = Laptop.Version + 1 };
        Sender.Answer<GetProductQuery, ProductDto?>(_ => renamed);

        await page.InvokeAsync(() => Broadcaster.BroadcastAsync(
            new ProductUpdatedNotification(Laptop.Id, Laptop.Fields, renamed.Fields, DateTimeOffset.UtcNow) { ChangedBy = "ana@example.com" }));

        page.WaitForAssertion(() => Assert.Contains("Dell XPS 16", page.Find(".mud-breadcrumbs").TextContent));
        Assert.DoesNotContain("Dell XPS 15", page.Find(".mud-breadcrumbs").TextContent);
        Assert.Contains("This product was just changed by ana@example.com; you see the latest values.", page.Markup);
    }

    internal static void ClickButton<T>(IRenderedComponent<T> page, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();
}
