using Bunit;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Web.Components.Pages.Products;

namespace CatalogAdmin.Tests.Components;

public sealed class ProductsPageTests : MudBunitContext
{
    private static readonly Guid CablesId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000c1");

    private static readonly ProductListItem Laptop = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000001"), "Dell XPS 15", "DELL-XPS15", 1999.99m, 12, ProductStatus.Active, null, null, new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private static readonly ProductListItem Cable = new(
        Guid.Parse("0195f0a0-0000-7000-8000-000000000002"), "USB-C Cable", "CBL-USBC", 9.99m, 3, ProductStatus.Draft, CablesId, "Cables", new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero));

    public ProductsPageTests()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query =>
        {
            var items = new[] { Laptop, Cable }
                .Where(p => query.EffectiveFilter.Search is null || p.Name.Contains(query.EffectiveFilter.Search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return new PagedResult<ProductListItem>(items, items.Count, query.Page, query.PageSize);
        });
    }

    [Fact]
    public void First_visit_asks_for_page_one_by_name_and_shows_the_rows_with_prices_in_dollars()
    {
        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));
        Assert.Equal(new ListProductsQuery(ProductFilter.All, ProductSortField.Name, false, 1, 25), Sender.SentOf<ListProductsQuery>()[0]);
        // Each header's name: its text, or the select box's label.
        var headers = page.FindAll("th").Select(th => th.QuerySelector("input")?.GetAttribute("aria-label") ?? th.TextContent.Trim()).ToList();
        Assert.Equal(["Select the products on this page", "Name", "SKU", "Price", "Stock", "Status", "Category", "Updated"], headers.Where(h => h.Length > 0));
        Assert.Contains("$1,999.99", page.Markup);
        Assert.Contains("$9.99", page.Markup);
        Assert.DoesNotContain("¤", page.Markup);
    }

    [Fact]
    public void Low_stock_is_marked()
    {
        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() =>
        {
            var cableRow = page.FindAll("tr").Single(row => row.TextContent.Contains("USB-C Cable"));
            Assert.Contains("Low stock", cableRow.TextContent);
        });
        var laptopRow = page.FindAll("tr").Single(row => row.TextContent.Contains("Dell XPS 15"));
        Assert.DoesNotContain("Low stock", laptopRow.TextContent);
    }

    [Fact]
    public void The_view_in_the_url_is_what_is_asked_for()
    {
        Navigation.NavigateTo("products?q=dell&sort=price&desc=true&page=2&size=50");

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(Sender.SentOf<ListProductsQuery>()));
        Assert.Equal(new ListProductsQuery(new ProductFilter("dell"), ProductSortField.Price, true, 2, 50), Sender.SentOf<ListProductsQuery>()[0]);
    }

    [Fact]
    public void Nonsense_in_the_url_is_clamped_to_a_view_the_list_can_show()
    {
        Navigation.NavigateTo("products?sort=bogus&page=-4&size=10000");

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(Sender.SentOf<ListProductsQuery>()));
        Assert.Equal(new ListProductsQuery(ProductFilter.All, ProductSortField.Name, false, 1, 25), Sender.SentOf<ListProductsQuery>()[0]);
    }

    [Fact]
    public void Typing_in_search_asks_again_with_the_text_and_puts_it_in_the_url()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));

        ProductEditorPageTests.FieldInput(page, "Search").Input("cable");

        page.WaitForAssertion(() => Assert.Contains(Sender.SentOf<ListProductsQuery>(), q => q.EffectiveFilter.Search == "cable" && q.Page == 1), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.DoesNotContain("Dell XPS 15", page.Markup));
        Assert.EndsWith("products?q=cable", Navigation.Uri);
    }

    [Fact]
    public void A_search_that_matches_nothing_says_so()
    {
        Navigation.NavigateTo("products?q=zebra");

        var page = RenderWithProviders<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains("No products match “zebra”.", page.Markup));
    }

    [Fact]
    public void Clicking_the_price_header_sorts_by_price_and_records_it_in_the_url()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));

        page.FindAll("th .sortable-column-header").Single(header => header.TextContent.Trim() == "Price").Click();

        page.WaitForAssertion(() => Assert.Contains(Sender.SentOf<ListProductsQuery>(), q => q.SortBy == ProductSortField.Price && !q.Descending));
        Assert.Contains("sort=price", Navigation.Uri);
    }

    [Fact]
    public void The_sorted_column_says_so_and_its_arrow_turns_the_order_around()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));
        Assert.Equal("ascending", page.FindAll("th[aria-sort]").Single().GetAttribute("aria-sort"));
        Assert.Contains("Name", page.Find("th[aria-sort]").TextContent);

        page.Find("button[aria-label='Sort by Price']").Click();
        page.WaitForAssertion(() => Assert.Contains("sort=price", Navigation.Uri));
        page.Find("button[aria-label='Sort by Price']").Click();

        page.WaitForAssertion(() => Assert.Contains(Sender.SentOf<ListProductsQuery>(), q => q.SortBy == ProductSortField.Price && q.Descending && q.Page == 1));
        Assert.EndsWith("products?sort=price&desc=true", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("descending", page.FindAll("th[aria-sort]").Single().GetAttribute("aria-sort")));
        Assert.Contains("mud-direction-desc", page.Find("button[aria-label='Sort by Price']").ClassName);
    }

    [Fact]
    public void The_pager_asks_for_the_next_page_and_a_new_page_size_from_page_one()
    {
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new([Laptop, Cable], 60, query.Page, query.PageSize));
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("1-25 of 60", page.Markup));
        Assert.True(page.Find("button[aria-label='Previous page']").HasAttribute("disabled"));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Contains("26-50 of 60", page.Markup));
        Assert.Equal(2, Sender.SentOf<ListProductsQuery>()[^1].Page);
        Assert.EndsWith("products?page=2", Navigation.Uri);

        page.Find("button[aria-label='Last page']").Click();
        page.WaitForAssertion(() => Assert.Contains("51-60 of 60", page.Markup));
        Assert.True(page.Find("button[aria-label='Next page']").HasAttribute("disabled"));

        page.Find(".mud-table-pagination select").Change("50");

        page.WaitForAssertion(() => Assert.Contains("1-50 of 60", page.Markup));
        Assert.Equal(new ListProductsQuery(ProductFilter.All, ProductSortField.Name, false, 1, 50), Sender.SentOf<ListProductsQuery>()[^1]);
        Assert.EndsWith("products?size=50", Navigation.Uri);
    }

    [Fact]
    public void A_slow_answer_to_an_older_view_never_replaces_the_newer_one()
    {
        var slow = new TaskCompletionSource<PagedResult<ProductListItem>>();
        Sender.AnswerAsync<ListProductsQuery, PagedResult<ProductListItem>>(query => query.EffectiveFilter.Search is null
            ? slow.Task
            : Task.FromResult(new PagedResult<ProductListItem>([Cable], 1, query.Page, query.PageSize)));
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Loading products…", page.Markup));

        ProductEditorPageTests.FieldInput(page, "Search").Input("cable");
        page.WaitForAssertion(() => Assert.Contains("USB-C Cable", page.Markup), TimeSpan.FromSeconds(5));
        page.InvokeAsync(() => slow.SetResult(new PagedResult<ProductListItem>([Laptop], 1, 1, 25)));

        page.WaitForAssertion(() => Assert.Contains("USB-C Cable", page.Markup));
        Assert.DoesNotContain("Dell XPS 15", page.Markup);
        Assert.DoesNotContain("Loading", page.Markup);
    }

    [Fact]
    public void Clicking_a_row_opens_the_product()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Contains("Dell XPS 15", page.Markup));

        page.FindAll("tr").Single(row => row.TextContent.Contains("USB-C Cable")).Click();

        Assert.EndsWith($"products/{Cable.Id}", Navigation.Uri);
    }

    [Fact]
    public void A_change_broadcast_by_another_session_refreshes_the_list()
    {
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListProductsQuery>()));

        page.InvokeAsync(() => Broadcaster.BroadcastAsync(
            new ProductCreatedNotification(Guid.NewGuid(), new ProductFields("New thing", "NEW-1", null, 1m, 1), DateTimeOffset.UtcNow)));

        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListProductsQuery>().Count));
    }

    [Fact]
    public void A_search_list_refreshes_for_changes_to_products_it_shows_or_could_show_and_no_others()
    {
        Navigation.NavigateTo("products?q=dell");
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Single(Sender.SentOf<ListProductsQuery>()));

        // Neither shown nor matching "dell": nothing to refresh.
        page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductUpdatedNotification(Cable.Id, new ProductFields("USB-C Cable 2 m", "CBL-USBC", null, 1m, 1), new ProductFields("USB-C Cable 2 m", "CBL-USBC", null, 1m, 1), DateTimeOffset.UtcNow)));
        page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductCreatedNotification(Guid.NewGuid(), new ProductFields("Desk fan", "FAN-1", null, 1m, 1), DateTimeOffset.UtcNow)));
        Assert.Single(Sender.SentOf<ListProductsQuery>());

        // Shown (even when renamed out of the search), or new and matching: refreshed.
        page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductUpdatedNotification(Laptop.Id, new ProductFields("XPS 15 laptop", "XPS-15", null, 1m, 1), new ProductFields("XPS 15 laptop", "XPS-15", null, 1m, 1), DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal(2, Sender.SentOf<ListProductsQuery>().Count));
        page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductCreatedNotification(Guid.NewGuid(), new ProductFields("Monitor", "DELL-U2724", null, 1m, 1), DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal(3, Sender.SentOf<ListProductsQuery>().Count), TimeSpan.FromSeconds(5)); // after the 2 s interval
    }

    [Fact]
    public void A_row_renders_again_only_when_its_product_or_its_box_changes()
    {
        var cable = Cable;
        Sender.Answer<ListProductsQuery, PagedResult<ProductListItem>>(query => new([Laptop, cable], 2, query.Page, query.PageSize));
        var page = RenderWithProviders<ProductsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindComponents<ProductRow>().Count));
        IRenderedComponent<ProductRow> Row(ProductListItem item) => page.FindComponents<ProductRow>().Single(row => row.Instance.Item.Id == item.Id);
        var (laptopRenders, cableRenders) = (Row(Laptop).RenderCount, Row(Cable).RenderCount);

        // A live refresh that brings the same products, as new objects: no row renders again.
        cable = Cable with { };
        Refresh(page, expectedLoads: 2);
        Assert.Equal((laptopRenders, cableRenders), (Row(Laptop).RenderCount, Row(Cable).RenderCount));

        // One product changed elsewhere: its row alone renders, and shows the change.
        cable = Cable with { Stock = 40 };
        Refresh(page, expectedLoads: 3);
        Assert.Equal((laptopRenders, cableRenders + 1), (Row(Laptop).RenderCount, Row(Cable).RenderCount));
        Assert.DoesNotContain("Low stock", Row(Cable).Markup);
        Assert.Contains(">40<", Row(Cable).Markup);

        // A ticked box renders its own row again (the page's header box too), not the others.
        Row(Laptop).Find("input[type=checkbox]").Change(true);
        Assert.Equal((laptopRenders + 1, cableRenders + 1), (Row(Laptop).RenderCount, Row(Cable).RenderCount));
        Assert.True(Row(Laptop).Find("input[type=checkbox]").HasAttribute("checked"));
    }

    private void Refresh(IRenderedComponent<ProductsPage> page, int expectedLoads)
    {
        page.InvokeAsync(() => Broadcaster.BroadcastAsync(new ProductUpdatedNotification(Cable.Id, new ProductFields("USB-C Cable", "CBL-USBC", null, 1m, 1), new ProductFields("USB-C Cable", "CBL-USBC", null, 1m, 1), DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal(expectedLoads, Sender.SentOf<ListProductsQuery>().Count), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.DoesNotContain("mud-table-loading", page.Markup));
    }

    [Fact]
    public async Task Leaving_the_page_unsubscribes_from_live_updates()
    {
        RenderWithProviders<ProductsPage>();
        Assert.Equal(1, Broadcaster.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Broadcaster.SubscriberCount);
    }
}
