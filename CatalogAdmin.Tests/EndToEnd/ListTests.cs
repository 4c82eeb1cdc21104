using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class ListTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_list_shows_seeded_products_narrows_by_search_and_sorts_by_price_both_ways()
    {
        // 100 rows: other tests' products ("Bulk mugs …", "Apple …") may sort before the seeded ones by name.
        var page = await OpenAsync("products?size=100");
        await Expect(Row(page, "Dell XPS 15 Laptop")).ToBeVisibleAsync();

        await SearchAsync(page, "logitech");
        await Expect(Row(page, "Dell XPS 15 Laptop")).ToHaveCountAsync(0);
        await Expect(Row(page, "Logitech MX Master 3S Mouse")).ToBeVisibleAsync();
        Assert.All(await ColumnAsync(page, "Name"), name => Assert.Contains("Logitech", name));

        await page.GetByLabel("Search").FillAsync(string.Empty);
        await Expect(Row(page, "Dell XPS 15 Laptop")).ToBeVisibleAsync();
        var priceHeader = page.GetByRole(AriaRole.Columnheader, new() { Name = "Price" }).GetByText("Price", new() { Exact = true });

        await priceHeader.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=price"));
        await EventuallyAsync(async () => IsSorted(await PricesAsync(page), descending: false), "the prices ascend");

        await priceHeader.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=price&desc=true"));
        await EventuallyAsync(async () => IsSorted(await PricesAsync(page), descending: true), "the prices descend");
    }

    [Fact]
    public async Task A_second_session_watching_the_list_sees_a_new_product_without_reloading()
    {
        var name = Unique("Live update lamp");
        var watcher = await OpenAsync();
        await SearchAsync(watcher, name);
        await Expect(watcher.GetByText($"No products match “{name}”.")).ToBeVisibleAsync();

        var actor = await OpenAsync();
        await CreateProductAsync(actor, name, UniqueSku("LAMP"), "25.00", "10");

        await Expect(Row(watcher, name)).ToBeVisibleAsync();
    }

    private static async Task<IReadOnlyList<decimal>> PricesAsync(IPage page) =>
        (await ColumnAsync(page, "Price")).Select(p => decimal.Parse(p.Trim(), System.Globalization.NumberStyles.Currency, EnUs)).ToList();

    private static bool IsSorted(IReadOnlyList<decimal> prices, bool descending) =>
        prices.Count > 1 && prices.SequenceEqual(descending ? prices.OrderDescending() : prices.Order());
}
