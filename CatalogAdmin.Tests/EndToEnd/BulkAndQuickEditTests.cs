using System.Text.RegularExpressions;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>Bulk actions and quick edit on the products list, in a real browser against the running app.</summary>
public sealed class BulkAndQuickEditTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Filter_to_a_category_select_all_matching_raise_prices_by_10_percent_and_undo_from_the_activity_page()
    {
        var (categoryId, names) = await SeedCategoryAsync("Bulk mugs", [10.00m, 19.99m, 1.15m], pageSizeProducts: 30);
        var page = await OpenAsync($"products?category={categoryId}&size=10");
        await Expect(Rows(page)).ToHaveCountAsync(10);

        await page.GetByLabel("Select the products on this page").CheckAsync();
        await Expect(page.GetByText("10 selected")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Select all 33 matching" }).ClickAsync();
        await Expect(page.GetByText("All 33 matching selected")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust price…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".bulk-amount input").FillAsync("10");
        await Expect(dialog.GetByText("This raises the price of 33 products by 10%.")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Adjust price" }).ClickAsync();

        await Expect(page.GetByText("Raised the price of 33 products by 10%")).ToBeVisibleAsync();
        await GoToAsync(page, $"products?category={categoryId}&sort=price");
        await Expect(Row(page, names[2])).ToContainTextAsync("$1.27");   // 1.265, rounded half away from zero
        await Expect(Row(page, names[1])).ToContainTextAsync("$21.99");  // 21.989
        await Expect(page.Locator(".bulk-bar")).ToHaveCountAsync(0);

        // Undone from its activity entry: every price is back.
        await GoToAsync(page, "activity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo: Raised the price of 33 products by 10%" }).ClickAsync();
        await Expect(page.GetByText("Undid “Raised the price of 33 products by 10%”: 33 products back as they were").First).ToBeVisibleAsync();
        await GoToAsync(page, $"products?category={categoryId}&sort=price");
        await Expect(Row(page, names[2])).ToContainTextAsync("$1.15");
        await Expect(Row(page, names[1])).ToContainTextAsync("$19.99");
    }

    [Fact]
    public async Task Ticked_products_move_to_the_trash_together_and_the_toasts_undo_brings_them_back()
    {
        var (categoryId, names) = await SeedCategoryAsync("Bulk trash", [3m, 4m]);
        var page = await OpenAsync($"products?category={categoryId}");
        await Expect(Rows(page)).ToHaveCountAsync(2);
        await page.GetByLabel("Select the products on this page").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Move to trash…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByText("This moves 2 products to the trash.")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move to trash" }).ClickAsync();

        await Expect(page.GetByText("Moved 2 products to the trash")).ToBeVisibleAsync();
        await Expect(Row(page, names[0])).ToHaveCountAsync(0);
        await page.Locator(".mud-snackbar").Filter(new() { HasText = "Moved 2 products to the trash" })
            .GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(page.GetByText("Undid “Moved 2 products to the trash”: 2 products back as they were")).ToBeVisibleAsync();
        await Expect(Row(page, names[0])).ToBeVisibleAsync();
        await Expect(Row(page, names[1])).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Typing_key_by_key_in_quick_edit_keeps_every_key()
    {
        var (categoryId, names) = await SeedCategoryAsync("Quick typing", [5m]);
        var page = await OpenAsync($"products?category={categoryId}");
        await page.GetByLabel("Quick edit").CheckAsync();
        var name = page.GetByLabel($"Name of {names[0]}");
        await name.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");

        // Each key re-renders the list (the row is marked changed), while the next keys are already on their way.
        const string typed = "Brass desk lamp with a linen shade, 40 cm";
        await page.Keyboard.TypeAsync(typed);

        await Expect(name).ToHaveValueAsync(typed);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes (1)" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Quick_edit_three_rows_stock_and_save_them_at_once()
    {
        var (categoryId, names) = await SeedCategoryAsync("Quick stock", [5m, 6m, 7m]);
        var page = await OpenAsync($"products?category={categoryId}");
        await page.GetByLabel("Quick edit").CheckAsync();

        var stock = page.GetByLabel($"Stock of {names[0]}");
        await stock.FillAsync("11");
        await stock.PressAsync("Enter"); // down to the next row's stock
        await Expect(page.GetByLabel($"Stock of {names[1]}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("12");
        await page.GetByLabel($"Stock of {names[2]}").FillAsync("-1");
        await Expect(page.GetByText("Stock cannot be negative.")).ToBeVisibleAsync();
        await page.GetByLabel($"Stock of {names[2]}").PressAsync("Escape");
        await Expect(page.GetByText("Stock cannot be negative.")).ToHaveCountAsync(0);
        await page.GetByLabel($"Stock of {names[2]}").FillAsync("13");
        await Expect(page.Locator(".qe-changed")).ToHaveCountAsync(3);

        // Turning quick edit off asks first; keeping the edits turns the browser's switch back on.
        await page.GetByLabel("Quick edit").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Quick edit" })).ToBeCheckedAsync();
        await Expect(page.Locator(".qe-changed")).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes (3)" }).ClickAsync();

        await Expect(page.GetByText("Saved changes to 3 products")).ToBeVisibleAsync();
        await Expect(page.Locator(".qe-changed")).ToHaveCountAsync(0);
        await page.GetByLabel("Quick edit").UncheckAsync();
        Assert.Equal(["11", "12", "13"], (await ColumnAsync(page, "Stock")).Select(s => s.Trim()).ToList());
    }

    [Fact]
    public async Task A_conflicting_edit_from_a_second_session_shows_on_its_row_and_the_others_save()
    {
        var (categoryId, names) = await SeedCategoryAsync("Quick conflict", [5m, 6m]);
        var page = await OpenAsync($"products?category={categoryId}");
        await page.GetByLabel("Quick edit").CheckAsync();
        await page.GetByLabel($"Price of {names[0]}").FillAsync("8.00");
        await page.GetByLabel($"Price of {names[1]}").FillAsync("9.00");

        // Meanwhile another session changes the second product in the form.
        var other = await OpenAsync($"products?category={categoryId}");
        await Row(other, names[1]).GetByRole(AriaRole.Link).ClickAsync();
        await other.Locator("[data-shortcut='edit']").ClickAsync();
        await other.GetByLabel("Price").FillAsync("7.50");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = names[1] })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes (2)" }).ClickAsync();

        var conflicted = Row(page, "Someone else saved this product since.");
        await Expect(conflicted).ToContainTextAsync("Theirs: $7.50");
        await Expect(page.GetByLabel($"Price of {names[1]}")).ToHaveValueAsync("9.00");
        await conflicted.GetByRole(AriaRole.Button, new() { Name = "Overwrite" }).ClickAsync();
        await Expect(page.GetByText("Someone else saved this product since.")).ToHaveCountAsync(0);
        await page.GetByLabel("Quick edit").UncheckAsync();
        Assert.Equal(["$8.00", "$9.00"], (await ColumnAsync(page, "Price")).Select(s => s.Trim()).ToList());
    }

    [Fact]
    public async Task Viewers_see_no_checkboxes_and_no_quick_edit()
    {
        var page = await OpenAsAsync(BrowserAppFixture.ViewerEmail, "products");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Low stock (under 5)" })).ToBeVisibleAsync(); // the filter's box is there
        await Expect(page.GetByLabel("Quick edit")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A category of its own with products named after it (so other tests' data never mixes in), written straight to
    /// the app's database, as an import would: the list reads the same file.
    /// </summary>
    private async Task<(Guid CategoryId, string[] Names)> SeedCategoryAsync(string prefix, decimal[] prices, int pageSizeProducts = 0)
    {
        Fixture.SkipIfUnavailable();
        var services = new ServiceCollection().AddCatalogCore($"Data Source={Fixture.DatabaseFile}").BuildServiceProvider();
        await using var _ = services;
        await using var db = await services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var category = new Category(Unique(prefix), now);
        db.Categories.Add(category);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var names = prices.Select((_, i) => $"{prefix} {tag} {(char)('A' + i)}").ToArray();
        db.Products.AddRange(prices.Select((price, i) => new Product(new ProductFields(names[i], $"Q{tag}-{i}", null, price, 5, ProductStatus.Active, category.Id), now)));
        db.Products.AddRange(Enumerable.Range(0, pageSizeProducts).Select(i =>
            new Product(new ProductFields($"{prefix} {tag} filler {i:D2}", $"F{tag}-{i}", null, 100m + i, 5, ProductStatus.Active, category.Id), now)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (category.Id, names);
    }
}
