using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class HistoryTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Edit_the_price_then_revert_it_from_the_history_and_see_the_old_price()
    {
        var name = Unique("Reading lamp");
        var page = await OpenAsync();
        await CreateProductAsync(page, name, UniqueSku("HIST"), "19.99", "3");
        await EditPriceAsync(page, "24.99");

        var latest = page.Locator("li.history-entry").First;
        await Expect(latest).ToContainTextAsync("Price $19.99 → $24.99 — editor@");
        await Expect(latest).ToContainTextAsync("(Editor), just now, form");
        await latest.GetByRole(AriaRole.Button, new() { Name = "Revert" }).ClickAsync();

        await Expect(page.GetByText($"Reverted a change of \"{name}\"")).ToBeVisibleAsync();
        await Expect(page.Locator("li.history-entry").First).ToContainTextAsync("Reverted: Price $24.99 → $19.99");
        await Expect(PriceField(page)).ToContainTextAsync("$19.99");
    }

    [Fact]
    public async Task Reverting_a_change_whose_field_changed_since_says_so_and_the_activity_log_links_to_the_history()
    {
        var name = Unique("Floor lamp");
        var page = await OpenAsync();
        await CreateProductAsync(page, name, UniqueSku("HIST"), "10.00", "3");
        await EditPriceAsync(page, "12.00");
        await EditPriceAsync(page, "15.00");

        await page.Locator("li.history-entry").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Revert" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Nothing was reverted" }))
            .ToContainTextAsync("Price changed (it is now $15.00)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(PriceField(page)).ToContainTextAsync("$15.00");

        await GoToAsync(page, "activity");
        await page.GetByRole(AriaRole.Link, new() { Name = $"History of {name}" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products/[0-9a-f-]{36}#history$"));
        await Expect(page.Locator("li.history-entry")).ToHaveCountAsync(3);
    }

    /// <summary>The Price field of the details page (its value only, not the history's).</summary>
    private static ILocator PriceField(IPage page) => page.Locator(".mud-grid-item:has(.field-label:text-is('Price'))");

    private static async Task EditPriceAsync(IPage page, string price)
    {
        await EditPriceFromDetailsAsync(page, price);
        await Expect(PriceField(page)).ToContainTextAsync("$" + price);
    }
}
