using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>The app used from the keyboard alone: shortcuts, list rows, the command palette, dialogs and focus.</summary>
public sealed class KeyboardTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    /// <summary>Counts every mouse, pointer and touch event in the tab (kept across page loads), to prove none happened.</summary>
    private const string CountPointerEvents = """
        for (const type of ["mousedown", "mouseup", "mousemove", "pointerdown", "pointerup", "touchstart", "wheel"]) {
            addEventListener(type, () => sessionStorage.setItem("pointer-events", String(Number(sessionStorage.getItem("pointer-events") ?? 0) + 1)), true);
        }
        """;

    [Fact]
    public async Task Staff_sign_in_find_open_edit_and_save_a_product_with_the_keyboard_alone()
    {
        var name = Unique("Keyboard lamp");
        var setup = await OpenAsync();
        await CreateProductAsync(setup, name, UniqueSku("KEY"), "30.00", "12");

        var page = await OpenAsAsync(email: null, "Account/Login");
        await page.Context.AddInitScriptAsync(CountPointerEvents);
        await page.ReloadAsync();
        var keyboard = page.Keyboard;

        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await keyboard.TypeAsync(BrowserAppFixture.EditorEmail);
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync(BrowserAppFixture.Password);
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await keyboard.PressAsync("/");
        await Expect(page.GetByLabel("Search")).ToBeFocusedAsync();
        await keyboard.TypeAsync(name);
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q="));
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Row(page, name)).ToBeVisibleAsync();

        await keyboard.PressAsync("ArrowDown");
        await Expect(Row(page, name)).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });
        await Expect(heading).ToBeVisibleAsync();
        await Expect(heading).ToBeFocusedAsync(); // after navigation the page's heading has the focus

        await keyboard.PressAsync("e");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit {name}" })).ToBeVisibleAsync();
        var price = page.GetByLabel("Price");
        await Expect(price).Not.ToBeEmptyAsync();
        await TabToAsync(page, price);
        await keyboard.PressAsync("Control+a");
        await keyboard.TypeAsync("77.70");
        await keyboard.PressAsync("Control+s");

        await Expect(page.GetByText($"Updated \"{name}\"")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("$77.70", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("0", await page.EvaluateAsync<string>("() => sessionStorage.getItem('pointer-events') ?? '0'"));
    }

    [Fact]
    public async Task The_command_palette_finds_a_product_by_part_of_its_sku_and_opens_it()
    {
        var name = Unique("Palette kettle");
        var sku = UniqueSku("PAL");
        var page = await OpenAsync();
        await CreateProductAsync(page, name, sku, "45.00", "7");
        await GoToAsync(page, "activity");

        await PressShortcutAsync(page, "Control+k");
        var palette = page.GetByRole(AriaRole.Dialog, new() { Name = "Go to" });
        await Expect(palette).ToBeVisibleAsync();
        await Expect(palette.GetByRole(AriaRole.Combobox)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(sku[4..10].ToLowerInvariant()); // part of the SKU, in other case
        await Expect(palette.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(palette.GetByRole(AriaRole.Option, new() { Name = name })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Expect(palette).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/products/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task The_palette_lists_pages_moves_with_the_arrows_and_closes_on_escape()
    {
        var page = await OpenAsync("activity");
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Activity" });
        await heading.FocusAsync();

        await PressShortcutAsync(page, "Control+k");
        var palette = page.GetByRole(AriaRole.Dialog, new() { Name = "Go to" });
        await Expect(palette.GetByRole(AriaRole.Option)).ToHaveTextAsync(["Products", "New product", "Categories", "Activity", "Trash"]); // no Staff for an Editor
        await Expect(palette.GetByRole(AriaRole.Combobox)).ToBeFocusedAsync(); // the dialog moves focus a moment after it shows
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(palette.GetByRole(AriaRole.Option, new() { Name = "New product" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Escape");

        await Expect(palette).ToHaveCountAsync(0);
        await Expect(heading).ToBeFocusedAsync(); // back where it was opened
    }

    [Fact]
    public async Task Shortcuts_do_not_fire_while_typing_but_save_and_escape_work_from_the_form_fields()
    {
        var page = await OpenAsync();
        var search = page.GetByLabel("Search");
        await FocusAfterNavigationAsync(page, search);
        await page.Keyboard.TypeAsync("ne/?");
        await Expect(search).ToHaveValueAsync("ne/?");
        await Expect(page).ToHaveURLAsync(new Regex(@"/products\?q=ne"));
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("Escape"); // a list has no form to leave
        await GoToAsync(page, "products");
        await PressShortcutAsync(page, "n");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New product" })).ToBeVisibleAsync();
        var name = page.GetByLabel("Name");
        await FocusAfterNavigationAsync(page, name);
        await page.Keyboard.TypeAsync("n e / ?");
        await Expect(name).ToHaveValueAsync("n e / ?");
        await Expect(page).ToHaveURLAsync(Url("products/new"));
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("Control+s"); // from inside a field: the form is checked and not saved
        await Expect(page.GetByText("SKU is required.")).ToBeVisibleAsync();
        await Expect(page.Locator("[role=alert], [aria-live]").Filter(new() { HasText = "SKU is required." })).ToHaveCountAsync(1);

        await GoToAsync(page, "products/new"); // a clean form: leaving a changed one asks first
        await FocusAfterNavigationAsync(page, page.GetByLabel("Name"));
        await PressShortcutAsync(page, "Escape");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_shortcuts_dialog_opens_with_a_question_mark_and_lists_the_keys()
    {
        var page = await OpenAsync();
        await PressShortcutAsync(page, "?");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(dialog).ToBeVisibleAsync();
        foreach (var keys in new[] { "?", "/", "N", "E", "Ctrl+S (⌘S on a Mac)", "Ctrl+K (⌘K on a Mac)", "Esc", "Enter" })
        {
            await Expect(dialog.Locator("kbd", new() { HasText = keys })).Not.ToHaveCountAsync(0);
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_delete_dialog_starts_on_cancel_and_gives_focus_back_to_delete_when_closed()
    {
        var page = await OpenAsync();
        await CreateProductAsync(page, Unique("Focus fan"), UniqueSku("FOC"), "12.00", "9");
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete" });
        await FocusAfterNavigationAsync(page, delete);
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(delete).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Skip_to_content_comes_before_the_top_bar_and_moves_focus_to_the_heading()
    {
        var page = await OpenAsync("activity");
        await FocusAfterNavigationAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })); // the first control of the top bar
        await page.Keyboard.PressAsync("Shift+Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity" })).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(Url("activity"));
    }

    [Fact]
    public async Task Focus_is_visible_on_the_lists_sort_buttons_in_both_themes()
    {
        foreach (var screen in new[] { Screen.Desktop, Screen.Desktop.InDarkMode() })
        {
            var page = await OpenAsAsync(BrowserAppFixture.EditorEmail, "products", screen);
            var sort = page.GetByRole(AriaRole.Button, new() { Name = "Sort by Price" });
            await TabToAsync(page, sort);
            var outline = await sort.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth; }");
            Assert.Equal("solid 2px", outline);
        }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 40 times).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("Tab never reached the element.");
    }
}
