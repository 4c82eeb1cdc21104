using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

public sealed class CategoryTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_new_category_given_to_a_draft_product_finds_it_by_url_by_the_controls_and_from_the_categories_page()
    {
        var category = Unique("Mugs");
        var product = Unique("Draft mug");
        var page = await OpenAsync("categories");
        var categoryId = await CreateCategoryAsync(page, category);

        await GoToAsync(page, "products");
        await CreateProductInAsync(page, product, UniqueSku("MUG"), category, "Draft");
        await Expect(page.GetByText(category, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Draft", new() { Exact = true }).First).ToBeVisibleAsync();

        // By the address.
        await GoToAsync(page, $"products?category={categoryId}&status=draft");
        await Expect(Row(page, product)).ToBeVisibleAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await GoToAsync(page, $"products?category={categoryId}&status=active");
        await Expect(page.GetByText("No products match these filters.")).ToBeVisibleAsync();

        // By the controls, which write the address.
        await GoToAsync(page, "products");
        await FilterAsync(page, "Category", category);
        await Expect(page).ToHaveURLAsync(new Regex($"category={categoryId}"));
        await FilterAsync(page, "Status", "Draft");
        await Expect(page).ToHaveURLAsync(new Regex($"products\\?status=draft&category={categoryId}$"));
        await Expect(Row(page, product)).ToBeVisibleAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Row(page, product)).ToContainTextAsync(category);

        // The categories page counts it and links to the filtered list.
        await GoToAsync(page, "categories");
        await Expect(ProductCount(page, category)).ToHaveTextAsync("1");
        await CategoryRow(page, category).GetByRole(AriaRole.Link, new() { Name = category }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"products\\?category={categoryId}$"));
        await Expect(Row(page, product)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_filtered_list_and_the_categories_page_in_other_sessions_follow_a_product_entering_the_filter_live()
    {
        var category = Unique("Lamps");
        var product = Unique("Live lamp");
        var actor = await OpenAsync("categories");
        var categoryId = await CreateCategoryAsync(actor, category);
        await GoToAsync(actor, "products");
        var details = await CreateProductInAsync(actor, product, UniqueSku("LAMP"), category, "Active");

        var list = await OpenAsync($"products?category={categoryId}&status=draft");
        await Expect(list.GetByText("No products match these filters.")).ToBeVisibleAsync();
        var categories = await OpenAsAsync(BrowserAppFixture.ViewerEmail, "categories");
        await Expect(ProductCount(categories, category)).ToHaveTextAsync("1");

        // Active to Draft: the product enters the watched filter.
        await GoToAsync(actor, new Uri(details).PathAndQuery.TrimStart('/') + "/edit");
        await ChooseAsync(actor, "Status", "Draft");
        await actor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(actor.GetByText($"Updated \"{product}\"")).ToBeVisibleAsync();

        await Expect(Row(list, product)).ToBeVisibleAsync();
        Assert.Equal(Url($"products?category={categoryId}&status=draft"), list.Url); // no reload, no navigation

        // A second product in the category: the count follows on the Viewer's categories page.
        await GoToAsync(actor, "products");
        await CreateProductInAsync(actor, Unique("Second lamp"), UniqueSku("LAMP"), category, "Draft");
        await Expect(ProductCount(categories, category)).ToHaveTextAsync("2");
        await Expect(categories.GetByRole(AriaRole.Button, new() { Name = "Add category" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Renaming_and_deleting_a_category_with_a_product_keeps_the_product_without_one()
    {
        var category = Unique("Cups");
        var renamed = Unique("Tumblers");
        var product = Unique("Blue cup");
        var page = await OpenAsync("categories");
        await CreateCategoryAsync(page, category);
        await GoToAsync(page, "products");
        var details = await CreateProductInAsync(page, product, UniqueSku("CUP"), category, "Active");

        await GoToAsync(page, "categories");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Rename {category}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(renamed);
        await dialog.GetByLabel("Name").PressAsync("Enter");
        await Expect(page.GetByText($"Renamed category to \"{renamed}\"")).ToBeVisibleAsync();
        await Expect(CategoryRow(page, renamed)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {renamed}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Delete “{renamed}”? Its 1 product will have no category.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Deleted category \"{renamed}\"")).ToBeVisibleAsync();
        await Expect(CategoryRow(page, renamed)).ToHaveCountAsync(0);

        await page.GotoAsync(details);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = product })).ToBeVisibleAsync();
        await Expect(page.GetByText("No category")).ToBeVisibleAsync();
    }

    /// <summary>Adds a category on the categories page and returns its id, read from its link to the products list.</summary>
    private static async Task<string> CreateCategoryAsync(IPage page, string name)
    {
        await page.GetByLabel("New category").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Expect(page.GetByText($"Created category \"{name}\"")).ToBeVisibleAsync();
        var link = CategoryRow(page, name).GetByRole(AriaRole.Link, new() { Name = name });
        var href = await link.GetAttributeAsync("href");
        return Regex.Match(href!, "category=([0-9a-f-]{36})$").Groups[1].Value;
    }

    /// <summary>Creates a product through the form with a category (picked by typing its name) and a status.</summary>
    private static async Task<string> CreateProductInAsync(IPage page, string name, string sku, string category, string status)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New product" })).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("SKU").FillAsync(sku);
        await page.GetByLabel("Price").FillAsync("12.50");
        await page.GetByLabel("Stock").FillAsync("7");
        await ChooseAsync(page, "Status", status);
        await page.GetByLabel("Category").FillAsync(category);
        await page.GetByRole(AriaRole.Option, new() { Name = category, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        return page.Url;
    }

    /// <summary>Chooses in one of the list's filters: the browser's own select.</summary>
    private static Task FilterAsync(IPage page, string label, string option) =>
        page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    /// <summary>Chooses in one of the form's selects: MudBlazor's popover list.</summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static ILocator CategoryRow(IPage page, string name) => Rows(page).Filter(new() { HasText = name });

    private static ILocator ProductCount(IPage page, string category) => CategoryRow(page, category).Locator("td[data-label='Products']");
}
