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
        await Expect(page.GetByText("$49.90", new() { Exact = true })).ToBeVisibleAsync();

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
        await Expect(skuField).ToContainTextAsync("SKU LOGI-MXM3S-GR is already used by “Logitech MX Master 3S Mouse”.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open “Logitech MX Master 3S Mouse”" })).ToBeVisibleAsync();
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
        await Expect(page.GetByText("$64.50", new() { Exact = true })).ToBeVisibleAsync();
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
        await Expect(first.GetByText("$111.00", new() { Exact = true })).ToBeVisibleAsync();

        await second.GetByLabel("Price").FillAsync("99.00");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(second.GetByText("Someone else changed this product")).ToBeVisibleAsync();
        await Expect(second.GetByLabel("Price")).ToHaveValueAsync("99.00"); // the typed value is kept
        await first.ReloadAsync();
        await Expect(first.GetByText("$111.00", new() { Exact = true })).ToBeVisibleAsync();

        await second.GetByRole(AriaRole.Button, new() { Name = "Reload latest values" }).ClickAsync();
        await Expect(second.GetByLabel("Price")).ToHaveValueAsync("111.00");
    }

    [Fact]
    public async Task A_decimal_comma_is_refused_next_to_the_price_and_the_field_says_what_will_be_saved()
    {
        var page = await OpenAsync("products/new");
        var name = Unique("Comma lamp");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("SKU").FillAsync(UniqueSku("CMA"));
        await page.GetByLabel("Stock").FillAsync("4");
        var priceField = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("Price") });

        await page.GetByLabel("Price").FillAsync("12,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(priceField).ToContainTextAsync("In a price “,” only separates thousands, as in 1,234.50. For cents use “.”, as in 12.50.");
        await Expect(page).ToHaveURLAsync(Url("products/new"));

        await page.GetByLabel("Price").FillAsync("12.5");
        await Expect(priceField).ToContainTextAsync("Will be saved as $12.50");
        await page.GetByLabel("Price").FillAsync("$12");
        await Expect(priceField).ToContainTextAsync("Will be saved as $12.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByText("$12.00", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Save_mine_over_theirs_keeps_the_fields_only_a_colleague_changed()
    {
        var name = Unique("Desk lamp");
        var first = await OpenAsync();
        var details = new Uri(await CreateProductAsync(first, name, UniqueSku("LMP"), "30.00", "7")).PathAndQuery.TrimStart('/');
        var second = await OpenAsAsync(BrowserAppFixture.AdminEmail, details + "/edit");
        await GoToAsync(first, details + "/edit");

        // A lowers the stock and saves; B, whose form was open all along, is told at once.
        await first.GetByLabel("Stock").FillAsync("3");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(second.GetByText(new System.Text.RegularExpressions.Regex(@"Changed by \S+ a moment ago"))).ToBeVisibleAsync();

        // B changes name and price and saves over A's version.
        await second.GetByLabel("Name").FillAsync(name + " XL");
        await second.GetByLabel("Price").FillAsync("35.00");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var panel = second.Locator(".conflict-panel");
        await Expect(panel).ToContainTextAsync("Someone else changed this product");
        await Expect(panel.Locator("tr", new() { HasText = "Stock" })).ToContainTextAsync("Theirs (kept)");
        await Expect(panel.Locator("tr", new() { HasText = "Price" })).ToContainTextAsync("Mine");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs" }).ClickAsync();

        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = name + " XL" })).ToBeVisibleAsync();
        await Expect(second.GetByText("$35.00", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(second.GetByText("Low stock")).ToBeVisibleAsync(); // A's stock of 3 stays; B's stale 7 would not be low
    }

    [Fact]
    public async Task Leaving_a_changed_form_by_escape_cancel_or_a_link_asks_first()
    {
        var name = Unique("Prompt fan");
        var page = await OpenAsync();
        var details = await CreateProductAsync(page, name, UniqueSku("PRM"), "15.00", "9");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Stock").FillAsync("8");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Discard your changes?" });

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToContainTextAsync("You changed Stock and did not save.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Stock")).ToHaveValueAsync("8");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(details + "/edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(details);
        await Expect(page.GetByText("9", new() { Exact = true })).ToBeVisibleAsync(); // nothing was saved
    }

    [Fact]
    public async Task The_products_breadcrumb_returns_to_the_list_with_its_search_and_sort()
    {
        var page = await OpenAsync("products?q=logi&sort=price&desc=true");
        await Expect(Row(page, "Logitech MX Keys S Keyboard")).ToBeVisibleAsync();
        await Row(page, "Logitech MX Keys S Keyboard").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logitech MX Keys S Keyboard" })).ToBeVisibleAsync();

        await page.Locator(".mud-breadcrumbs").GetByRole(AriaRole.Link, new() { Name = "Products" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("products?q=logi&sort=price&desc=true"));
        await Expect(page.GetByLabel("Search")).ToHaveValueAsync("logi");
    }
}
