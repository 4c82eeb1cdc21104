using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>Markup typed by staff and odd addresses typed into the browser, against the real app.</summary>
public sealed class HostileBrowserInputTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Markup_in_a_name_and_description_shows_as_text_in_toast_details_list_and_activity()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var name = $"<img src=x onerror=\"window.ran='{marker}'\"><script>window.ran='{marker}'</script> {marker}";
        var description = $"<b>not bold</b><img src=y onerror=\"window.ran='d'\">";
        var page = await OpenAsync();

        await CreateProductAsync(page, name, UniqueSku("XSS"), "1.00", "1", description);

        await Expect(page.GetByText($"Created \"{name}\"")).ToBeVisibleAsync();
        await Expect(page.GetByText(description)).ToBeVisibleAsync();
        await AssertNothingRanAsync(page);

        await GoToAsync(page, "products");
        await SearchAsync(page, marker);
        await Expect(Row(page, name)).ToHaveCountAsync(1);
        await AssertNothingRanAsync(page);

        await GoToAsync(page, "activity");
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = name }).First).ToBeVisibleAsync();
        await AssertNothingRanAsync(page);
    }

    [Fact]
    public async Task Odd_list_addresses_show_a_list_never_an_error()
    {
        string[] addresses =
        [
            "products?page=0&size=0",
            "products?page=-3&size=-1&sort=nope&desc=maybe",
            "products?page=99999&size=10000",
            "products?page=abc&size=fifty&desc=1",
            "products?page=99999999999999&desc=",
            "products?q=%25%27%22%3B--%20NEAR(&sort=price&desc=true",
            "activity?page=-1&size=100000",
            "products?status=sold&category=nope&low=maybe",
            "products?category=00000000-0000-0000-0000-000000000000&status=ARCHIVED",
            "categories?page=-1&category=%27",
        ];
        var page = await OpenAsync();

        foreach (var address in addresses)
        {
            await GoToAsync(page, address);
            await Expect(page.Locator("h1")).ToHaveTextAsync(address.Split('?')[0] switch { "activity" => "Activity", "categories" => "Categories", _ => "Products" });
            await Expect(page.Locator("table")).ToBeVisibleAsync();
            await Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
        }
    }

    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.Null(await page.EvaluateAsync<string?>("() => window.ran ?? null"));
        await Expect(page.Locator("img[src='x'], img[src='y'], main script")).ToHaveCountAsync(0);
    }
}
