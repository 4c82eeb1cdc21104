using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class TrashTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_deleted_product_is_found_in_the_trash_and_restore_brings_it_back_to_the_list()
    {
        var name = Unique("Second-chance lamp");
        var sku = UniqueSku("TRASH");
        var page = await OpenAsync();
        await CreateProductAsync(page, name, sku, "24.99", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Moved \"{name}\" to the trash")).ToBeVisibleAsync();
        await SearchAsync(page, sku);
        await Expect(page.GetByText($"No products match “{sku}”.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Trash", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trash" })).ToBeVisibleAsync();
        await page.GetByLabel("Search").FillAsync(sku);
        var row = Row(page, name);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(sku);
        await Expect(row).ToContainTextAsync(BrowserAppFixture.EditorEmail); // who deleted it
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Delete permanently: {name}" })).ToHaveCountAsync(0); // Admins only

        await row.GetByRole(AriaRole.Button, new() { Name = $"Restore {name}" }).ClickAsync();
        await Expect(page.GetByText($"Restored \"{name}\"")).ToBeVisibleAsync();
        await Expect(page.GetByText($"Nothing in the trash matches “{sku}”.")).ToBeVisibleAsync();

        await GoToAsync(page, "products");
        await SearchAsync(page, sku);
        await Expect(Row(page, name)).ToContainTextAsync("$24.99");
        await Row(page, name).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_deletes_a_trashed_product_permanently_after_confirming_and_its_sku_is_free_again()
    {
        var name = Unique("Last-chance chair");
        var sku = UniqueSku("PURGE");
        var page = await OpenAsAsync(BrowserAppFixture.AdminEmail);
        await CreateProductAsync(page, name, sku, "49.00", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Moved \"{name}\" to the trash")).ToBeVisibleAsync();

        await GoToAsync(page, "trash");
        await page.GetByLabel("Search").FillAsync(sku);
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Delete permanently: {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Delete “{name}” permanently?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete permanently" }).ClickAsync();
        await Expect(page.GetByText($"Deleted \"{name}\" permanently")).ToBeVisibleAsync();
        await Expect(page.GetByText($"Nothing in the trash matches “{sku}”.")).ToBeVisibleAsync();

        await GoToAsync(page, "products");
        await CreateProductAsync(page, name, sku, "49.00", "1"); // the SKU is free again
    }
}
