using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class DeleteAndRoutingTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Cancel_keeps_the_product_delete_removes_it_and_the_activity_page_lists_each_change()
    {
        var name = Unique("Doomed speaker");
        var page = await OpenAsync();
        var details = await CreateProductAsync(page, name, UniqueSku("SPK"), "35.00", "4");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Stock").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText($"Updated \"{name}\"")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Moved \"{name}\" to the trash")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Url("products"));
        await GoToAsync(page, new Uri(details).PathAndQuery.TrimStart('/'));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();

        await GoToAsync(page, "activity");
        var entries = page.Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(entries.Nth(0)).ToContainTextAsync("Deleted");
        await Expect(entries.Nth(1)).ToContainTextAsync("Updated");
        await Expect(entries.Nth(2)).ToContainTextAsync("Created");
        await Expect(entries.Nth(2)).ToContainTextAsync(BrowserAppFixture.EditorEmail.Split('@')[0]); // who did it, by display name
    }

    [Fact]
    public async Task A_malformed_or_unknown_id_shows_the_not_found_page()
    {
        var page = await OpenAsync("products/not-a-guid");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to products" })).ToBeVisibleAsync();

        await GoToAsync(page, $"products/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();

        await GoToAsync(page, $"products/{Guid.NewGuid()}/edit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_app()
    {
        var name = Unique("Durable kettle");
        var page = await OpenAsync();
        var details = new Uri(await CreateProductAsync(page, name, UniqueSku("KTL"), "39.99", "9")).PathAndQuery.TrimStart('/');

        await Fixture.RestartAppAsync();

        var after = await OpenAsync(details);
        await Expect(after.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(after.GetByText("$39.99", new() { Exact = true })).ToBeVisibleAsync();
    }
}
