using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class ProductFormTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_new_product_is_announced_opens_its_details_and_is_found_by_search()
    {
        var name = Unique("Desk fan");
        var sku = UniqueSku("FAN");
        var page = await OpenAsync();

        await CreateProductAsync(page, name, sku.ToLowerInvariant(), "49.90", "8", "Quiet, three speeds.");

        await Expect(page.GetByText($"Created \"{name}\"")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/products/[0-9a-f-]{36}$"));
        await Expect(page.GetByText(sku, new() { Exact = true })).ToBeVisibleAsync(); // stored upper-case
        await Expect(page.GetByText("$49.90")).ToBeVisibleAsync();

        await GoToAsync(page, "products");
        await SearchAsync(page, sku[..6]);
        await Expect(Row(page, name)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bad_values_show_messages_under_the_fields_and_save_nothing_and_a_duplicate_sku_is_refused()
    {
        var page = await OpenAsync("products/new");

        await page.GetByLabel("Name").FillAsync("  ");
        await page.GetByLabel("SKU").FillAsync("no spaces!");
        await page.GetByLabel("Price").FillAsync("-1");
        await page.GetByLabel("Stock").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Name is required.")).ToBeVisibleAsync();
        await Expect(page.GetByText("SKU may contain only letters A–Z, digits 0–9 and '-'.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Price must be between 0 and 1,000,000.")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Url("products/new"));

        var name = Unique("Duplicate mouse");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("SKU").FillAsync("logi-mxm3s-gr"); // a seeded product's SKU, in other case
        await page.GetByLabel("Price").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var skuField = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("SKU") });
        await Expect(skuField).ToContainTextAsync("SKU LOGI-MXM3S-GR is already used by another product.");
        await Expect(page).ToHaveURLAsync(Url("products/new"));

        await GoToAsync(page, "products");
        await SearchAsync(page, name);
        await Expect(page.GetByText($"No products match “{name}”.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_edit_shows_its_new_values_in_details_and_list()
    {
        var name = Unique("Webcam");
        var page = await OpenAsync();
        await CreateProductAsync(page, name, UniqueSku("CAM"), "59.00", "20");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Price").FillAsync("64.50");
        await page.GetByLabel("Stock").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText($"Updated \"{name}\"")).ToBeVisibleAsync();
        await Expect(page.GetByText("$64.50")).ToBeVisibleAsync();
        await GoToAsync(page, "products");
        await SearchAsync(page, name);
        await Expect(Row(page, name)).ToContainTextAsync("$64.50");
        await Expect(Row(page, name)).ToContainTextAsync("Low stock");
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_told_of_the_conflict_and_overwrites_nothing()
    {
        var name = Unique("Headset");
        var first = await OpenAsync();
        var details = await CreateProductAsync(first, name, UniqueSku("HS"), "120.00", "5");
        var second = await OpenAsync(new Uri(details).PathAndQuery.TrimStart('/') + "/edit");
        await GoToAsync(first, new Uri(details).PathAndQuery.TrimStart('/') + "/edit");

        await first.GetByLabel("Price").FillAsync("111.00");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first.GetByText("$111.00")).ToBeVisibleAsync();

        await second.GetByLabel("Price").FillAsync("99.00");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(second.GetByText("Someone else changed this product")).ToBeVisibleAsync();
        await Expect(second.GetByLabel("Price")).ToHaveValueAsync("99.00"); // the typed value is kept
        await first.ReloadAsync();
        await Expect(first.GetByText("$111.00")).ToBeVisibleAsync();

        await second.GetByRole(AriaRole.Button, new() { Name = "Reload latest values" }).ClickAsync();
        await Expect(second.GetByLabel("Price")).ToHaveValueAsync("111.00");
    }
}
