using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>The layout on a desktop and a phone: the top bar, the account menu, long names, the drawer, the sign-in pages' theme.</summary>
public sealed class LayoutTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_account_menu_opens_by_mouse_click()
    {
        var page = await OpenAsync();
        await page.GetByRole(AriaRole.Banner).GetByText(BrowserAppFixture.EditorEmail).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Role: Editor")).ToBeVisibleAsync();
        await Expect(AccountButton(page)).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Fact]
    public async Task The_account_menu_closes_on_Esc_or_a_click_elsewhere_and_Esc_leaves_a_form_open()
    {
        var page = await OpenAsync("products/new");
        var changePassword = page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" });
        await AfterFirstRenderAsync(page); // keyboard.js has started

        await AccountButton(page).ClickAsync();
        await Expect(changePassword).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape"); // closes the menu, not the form (Esc on a form is its Cancel)
        await Expect(changePassword).ToBeHiddenAsync();
        await Expect(AccountButton(page)).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page).ToHaveURLAsync(new Regex("/products/new$"));

        await AccountButton(page).ClickAsync();
        await Expect(changePassword).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New product" }).ClickAsync();
        await Expect(changePassword).ToBeHiddenAsync();
        await Expect(AccountButton(page)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task The_account_menu_works_by_keyboard_alone()
    {
        var page = await OpenAsync();
        var changePassword = page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" });
        await AfterFirstRenderAsync(page);

        await AccountButton(page).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(changePassword).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab"); // the menu's item comes right after its button
        await Expect(changePassword).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape"); // closes it, and the focus goes back to the button
        await Expect(changePassword).ToBeHiddenAsync();
        await Expect(AccountButton(page)).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_account_menu_opens_by_tap_on_a_phone()
    {
        var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", Screen.Phone);
        await page.GetByRole(AriaRole.Banner).Locator(".mud-menu").TapAsync();

        var changePassword = page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" });
        await Expect(changePassword).ToBeVisibleAsync();
        await changePassword.TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_top_bar_fits_and_the_account_menu_and_theme_toggle_work_by_tap()
    {
        var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", Screen.Phone);
        foreach (var button in new[]
                 {
                     page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }),
                     page.GetByRole(AriaRole.Button, new() { Name = "Go to a page or product" }),
                     AccountButton(page),
                     page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }),
                     page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }),
                 })
        {
            await ExpectWithinScreenWidthAsync(page, button);
        }

        await AccountButton(page).TapAsync();
        var changePassword = page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" });
        await Expect(changePassword).ToBeVisibleAsync();
        await ExpectWithinScreenWidthAsync(page, changePassword);
        await page.Keyboard.PressAsync("Escape"); // a menu opened by a tap closes on Esc too
        await Expect(changePassword).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Escape_closes_the_navigation_drawer_on_a_phone()
    {
        var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", Screen.Phone);
        var activity = page.GetByRole(AriaRole.Link, new() { Name = "Activity" });

        // A tap 0.2 s after the heading showed once left the drawer closed in CI; Esc below needs keyboard.js anyway.
        await AfterFirstRenderAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).TapAsync();
        await Expect(activity).ToBeInViewportAsync(new() { Ratio = 1 });

        await PressShortcutAsync(page, "Escape");

        await Expect(activity).Not.ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync(); // still on the list
    }

    [Fact]
    public async Task A_name_of_200_characters_without_spaces_leaves_lists_details_and_dialogs_usable()
    {
        var name = "Long" + new string('W', 188) + Guid.NewGuid().ToString("N")[..8];
        var sku = UniqueSku("LONG");
        var page = await OpenAsync();
        var details = new Uri(await CreateProductAsync(page, name, sku, "10.00", "3")).PathAndQuery.TrimStart('/');

        await ExpectWithinScreenWidthAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }));
        await ExpectWithinScreenWidthAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Edit" }));
        await ExpectNoSidewaysScrollingAsync(page);

        await GoToAsync(page, "products");
        await SearchAsync(page, sku);
        foreach (var column in new[] { "SKU", "Price", "Stock", "Updated" })
        {
            await ExpectWithinScreenWidthAsync(page, Row(page, sku).Locator($"td[data-label='{column}']"));
        }

        await GoToAsync(page, "activity");
        var entry = Rows(page).Filter(new() { HasText = sku }).First;
        foreach (var column in new[] { "What", "SKU", "By" })
        {
            await ExpectWithinScreenWidthAsync(page, entry.Locator($"td[data-label='{column}']"));
        }

        var phone = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", Screen.Phone);
        await SearchAsync(phone, sku);
        foreach (var (column, value) in new[] { ("Price", "$10.00"), ("Stock", "3") })
        {
            var cell = Row(phone, sku).Locator($"td[data-label='{column}']");
            await Expect(cell).ToContainTextAsync(value);
            await ExpectWithinScreenWidthAsync(phone, cell);
        }

        await GoToAsync(phone, details);
        await ExpectWithinScreenWidthAsync(phone, phone.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }));
        await ExpectNoSidewaysScrollingAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Delete" }).TapAsync();
        var dialog = phone.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(name[..20]);
        foreach (var button in new[] { "Cancel", "Delete" })
        {
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = button })).ToBeInViewportAsync(new() { Ratio = 1 });
        }
    }

    [Fact]
    public async Task On_a_phone_products_are_compact_cards_and_a_sort_control_writes_the_same_address_as_the_headers()
    {
        var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", Screen.Phone);
        var first = Rows(page).First;
        await Expect(first).ToBeVisibleAsync();
        // Other tests' changes refresh the list live; a card replaced between the two reads has no box for a moment.
        var height = 0.0;
        await EventuallyAsync(async () => await first.BoundingBoxAsync() is { } box && (height = box.Height) > 0, "the first card has a size");
        Assert.True(height <= 100, $"A product's card is {height:0} px tall; a phone shows few of them.");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Sort by", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Price" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/products\?sort=price$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort ascending" }).TapAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/products\?sort=price&desc=true$"));

        await EventuallyAsync(async () =>
        {
            var prices = (await Rows(page).Locator("td[data-label='Price']").AllInnerTextsAsync())
                .Select(p => decimal.Parse(p.Trim(), NumberStyles.Currency, EnUs)).ToList();
            return prices.Count > 1 && prices.SequenceEqual(prices.OrderDescending());
        }, "the cards are sorted by price, highest first");

        await Rows(page).First.Locator("td[data-label='Name']").TapAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/products/[0-9a-f-]{36}$"));
    }

    [Theory]
    [InlineData("Account/Login", null)]
    [InlineData("Account/Lockout", null)]
    [InlineData("Account/ChangePassword", BrowserAppFixture.ViewerEmail)]
    [InlineData("Account/AccessDenied", BrowserAppFixture.ViewerEmail)]
    public async Task The_account_pages_follow_the_theme_the_user_chose(string path, string? email)
    {
        var dark = await OpenAsAsync(email, path, Screen.Desktop.InDarkMode());
        await Expect(dark.Locator("h1")).ToBeVisibleAsync();
        Assert.True(await IsDarkAsync(dark, "body"), "The page is light although the user chose dark.");
        Assert.True(await IsDarkAsync(dark, ".account-card"), "The card is light although the user chose dark.");

        // The user chose light in the app, on a system that prefers dark: their choice wins.
        await dark.EvaluateAsync("() => localStorage.setItem('catalogAdmin.darkMode', 'false')");
        await dark.ReloadAsync();
        Assert.False(await IsDarkAsync(dark, "body"), "The page is dark although the user chose light.");
    }

    [Fact]
    public async Task On_a_phone_a_save_refused_for_a_field_above_takes_the_user_to_that_field_in_view()
    {
        var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products/new", Screen.Phone);
        await page.GetByLabel("Name").FillAsync(Unique("Scroll fan"));
        await page.GetByLabel("SKU").FillAsync(UniqueSku("SCR"));
        await page.GetByLabel("Stock").FillAsync("4");
        var price = page.GetByLabel("Price", new() { Exact = true });
        await price.FillAsync("12,5"); // a comma for cents: refused
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await save.ScrollIntoViewIfNeededAsync();
        await page.Mouse.WheelAsync(0, 2000); // as far down as the page goes
        await save.TapAsync();

        await Expect(price).ToBeFocusedAsync();
        var bar = (await page.Locator("header.mud-appbar").BoundingBoxAsync())!;
        var field = (await price.Locator("xpath=ancestor::div[contains(@class, 'mud-input-control')][1]").BoundingBoxAsync())!;
        Assert.True(field.Y >= bar.Y + bar.Height, $"The Price field's top ({field.Y:0} px) is under the top bar, which ends at {bar.Y + bar.Height:0} px.");
        Assert.True(field.Y + field.Height <= Screen.Phone.Height, $"The Price field ({field.Y:0}–{field.Y + field.Height:0} px) is below the screen.");
    }

    private static ILocator AccountButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Account" });

    private static async Task ExpectWithinScreenWidthAsync(IPage page, ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        var width = page.ViewportSize!.Width;
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{element} lies at x={box?.X:0}..{box?.X + box?.Width:0}, outside the {width} px wide screen.");
    }

    private static async Task ExpectNoSidewaysScrollingAsync(IPage page)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), page.ViewportSize!.Width);
        Assert.True(scroll <= width, $"The page is {scroll} px wide on a {width} px screen.");
    }

    private static async Task<bool> IsDarkAsync(IPage page, string selector)
    {
        var rgb = await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var channels = Regex.Matches(rgb, @"\d+(\.\d+)?").Take(3).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return channels.Sum() < 3 * 128;
    }
}
