using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>
/// axe-core on every page view staff can reach, signed in as an Admin, in light and dark mode. A serious or
/// critical violation fails the test; moderate and minor ones are listed in the test output.
/// A new page (or a new state of one: a dialog, errors, a phone layout) is one more line in <see cref="Views"/>.
/// </summary>
public sealed class AccessibilityTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private static readonly AxeView[] Views =
    [
        new("sign-in", "Account/Login", SignedOut: true),
        new("lockout", "Account/Lockout", SignedOut: true),
        new("change password", "Account/ChangePassword"),
        new("change password with errors", "Account/ChangePassword", Then: SubmitTheEmptyForm),
        new("not allowed", "Account/AccessDenied"),
        new("products", "products"),
        new("products, no match", "products?q=no-such-product-anywhere"),
        new("products, account menu open", "products", Then: OpenTheAccountMenu),
        new("products, phone", "products", Phone: true),
        new("products, phone, navigation open", "products", Phone: true, Then: OpenTheNavigation),
        new("details", "products", Then: OpenASeededProduct),
        new("details, phone", "products", Phone: true, Then: OpenASeededProduct),
        new("delete dialog", "products", Then: OpenTheDeleteDialog),
        new("delete dialog, phone", "products", Phone: true, Then: OpenTheDeleteDialog),
        new("edit", "products", Then: EditASeededProduct),
        new("edit with a conflict", "products", Then: MakeAConflict),
        new("history with a revert conflict", "products", Then: MakeARevertConflict),
        new("history with a revert conflict, phone", "products", Phone: true, Then: MakeARevertConflict),
        new("new with errors", "products/new", Then: SaveTheEmptyForm),
        new("new with errors, phone", "products/new", Phone: true, Then: SaveTheEmptyForm),
        new("categories", "categories"),
        new("categories, phone", "categories", Phone: true),
        new("import", "products/import"),
        new("import preview with errors", "products/import", Then: PreviewAFileWithErrors),
        new("import preview with errors, phone", "products/import", Phone: true, Then: PreviewAFileWithErrors),
        new("trash", "products", Then: PutAProductInTheTrash),
        new("trash, phone", "products", Phone: true, Then: PutAProductInTheTrash),
        new("trash, delete permanently dialog", "products", Then: OpenThePurgeDialog),
        new("activity", "activity"),
        new("activity, phone", "activity", Phone: true),
        new("activity with an undoable bulk change", "products", Then: ChangeAProductInBulk),
        new("activity with an undoable bulk change, phone", "products", Phone: true, Then: ChangeAProductInBulk),
        new("products, page selected", "products", Then: SelectThePage),
        new("products, page selected, phone", "products", Phone: true, Then: SelectThePage),
        new("bulk price dialog", "products", Then: OpenTheBulkPriceDialog),
        new("bulk price dialog, phone", "products", Phone: true, Then: OpenTheBulkPriceDialog),
        new("quick edit with a changed cell and an error", "products", Then: QuickEditTwoCells),
        new("quick edit with a changed cell and an error, phone", "products", Phone: true, Then: QuickEditTwoCells),
        new("staff", "staff"),
        new("staff, phone", "staff", Phone: true),
        new("keyboard shortcuts dialog", "products", Then: OpenTheShortcuts),
        new("command palette", "products", Then: SearchInThePalette),
        new("command palette, phone", "products", Phone: true, Then: SearchInThePalette),
        new("page not found", "no-such-page"),
        new("product not found", "products/00000000-0000-0000-0000-000000000000"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var view in Views)
        {
            cases.Add(view.Name, "light");
            cases.Add(view.Name, "dark");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_page_view_has_no_serious_or_critical_axe_violations(string view, string theme)
    {
        var definition = Views.Single(v => v.Name == view);
        var screen = (definition.Phone ? Screen.Phone : Screen.Desktop) with { Dark = theme == "dark" };
        var page = await OpenAsAsync(definition.SignedOut ? null : BrowserAppFixture.AdminEmail, definition.Path, screen);
        if (definition.SignedOut)
        {
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
        }

        if (definition.Then is { } then)
        {
            await then(this, page);
        }

        // Colours as they end up: MudBlazor eases a button's colour in over 250 ms when the theme applies, and axe once
        // measured a dark-mode button halfway from the light primary (#1e5aa8) to the dark one (#90caf9). Without
        // transitions every colour is its final value at once.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; }" });
        await ExpectThemeAsync(page, screen.Dark);
        await SettledAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });

        var output = TestContext.Current.TestOutputHelper;
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        output?.WriteLine($"axe {view} ({theme}): {Count(blocking)} serious or critical, {Count(result.Violations.Where(v => v.Impact == "moderate"))} moderate, {Count(result.Violations.Where(v => v.Impact == "minor"))} minor");
        foreach (var violation in result.Violations.OrderBy(v => v.Impact))
        {
            output?.WriteLine(Describe(violation));
        }

        Assert.True(blocking.Count == 0, $"axe found serious or critical violations on {view} ({theme}):\n{string.Join("\n", blocking.Select(Describe))}");
    }

    private static int Count(IEnumerable<AxeResultItem> violations) => violations.Sum(v => v.Nodes.Length);

    private static string Describe(AxeResultItem violation) =>
        $"  {violation.Impact} {violation.Id} ({violation.Nodes.Length}): {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Take(8).Select(n => $"    {n.Target} {Why(n)}"));

    /// <summary>The first failed check's message, e.g. the measured contrast and colours.</summary>
    private static string Why(AxeResultNode node) =>
        node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m)) ?? "";

    /// <summary>The theme is applied after the first render: wait for it, so that contrast is checked in the right one.</summary>
    private static async Task ExpectThemeAsync(IPage page, bool dark)
    {
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var expected = dark ? "dark" : "light";
        await EventuallyAsync(async () => IsDark(await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")) == dark,
            $"the page is in {expected} mode (body background was {background})");
    }

    private static bool IsDark(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return parts[0] + parts[1] + parts[2] < 3 * 128;
    }

    private static async Task SubmitTheEmptyForm(AccessibilityTests test, IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Enter your current password.")).ToBeVisibleAsync();
    }

    private static async Task OpenTheAccountMenu(AccessibilityTests test, IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Account" }).ClickAsync();
        await Expect(page.GetByText("Change password")).ToBeVisibleAsync();
    }

    private static async Task OpenTheNavigation(AccessibilityTests test, IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Activity" })).ToBeVisibleAsync();
    }

    private static async Task OpenASeededProduct(AccessibilityTests test, IPage page)
    {
        await test.GoToAsync(page, "products?q=Dell%20XPS");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dell XPS 15 Laptop" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dell XPS 15 Laptop" })).ToBeVisibleAsync();
    }

    private static async Task OpenTheDeleteDialog(AccessibilityTests test, IPage page)
    {
        await OpenASeededProduct(test, page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Dell XPS 15 Laptop");
    }

    /// <summary>A product of the test's own, deleted from its details page; ends on the trash page, which lists it.</summary>
    private static async Task<string> PutAProductInTheTrash(AccessibilityTests test, IPage page)
    {
        var name = Unique("Trashed lamp");
        await CreateProductAsync(page, name, UniqueSku("AXE"), "20.00", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(test.Url("products"));
        await test.GoToAsync(page, "trash");
        await Expect(Row(page, name)).ToBeVisibleAsync();
        return name;
    }

    private static async Task OpenThePurgeDialog(AccessibilityTests test, IPage page)
    {
        var name = await PutAProductInTheTrash(test, page);
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Delete permanently: {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync(name);
    }

    /// <summary>Ticks the page (on a phone, whose cards have no header row, the first product).</summary>
    private static async Task SelectThePage(AccessibilityTests test, IPage page)
    {
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var wholePage = page.GetByLabel("Select the products on this page");
        await (await wholePage.IsVisibleAsync() ? wholePage : Rows(page).First.GetByLabel(new Regex("^Select "))).CheckAsync();
        await Expect(page.Locator(".bulk-bar")).ToBeVisibleAsync();
    }

    /// <summary>The bulk price dialog over the ticked page, with a value typed (nothing is applied).</summary>
    private static async Task OpenTheBulkPriceDialog(AccessibilityTests test, IPage page)
    {
        await SelectThePage(test, page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust price…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Locator(".bulk-amount input").FillAsync("10");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("This raises the price of");
    }

    /// <summary>Quick edit on, one stock cell changed and one refused (nothing is saved).</summary>
    private static async Task QuickEditTwoCells(AccessibilityTests test, IPage page)
    {
        await page.GetByLabel("Quick edit").CheckAsync();
        var stocks = page.GetByLabel(new Regex("^Stock of "));
        await stocks.Nth(0).FillAsync("11");
        await stocks.Nth(1).FillAsync("-1");
        await Expect(page.GetByText("Stock cannot be negative.")).ToBeVisibleAsync();
    }

    /// <summary>A product of the test's own gets a bulk stock change; ends on the Activity page, which offers its undo.</summary>
    private static async Task ChangeAProductInBulk(AccessibilityTests test, IPage page)
    {
        var sku = UniqueSku("AXE");
        await CreateProductAsync(page, Unique("Bulk lamp"), sku, "20.00", "3");
        await test.GoToAsync(page, $"products?q={sku}");
        await SelectThePage(test, page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set stock…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New stock").FillAsync("8");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set stock" }).ClickAsync();
        await Expect(page.GetByText("Set the stock of 1 product to 8").First).ToBeVisibleAsync();
        await test.GoToAsync(page, "activity");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Undo: Set the stock of 1 product to 8" }).First).ToBeVisibleAsync();
    }

    private static async Task EditASeededProduct(AccessibilityTests test, IPage page)
    {
        await OpenASeededProduct(test, page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Price")).Not.ToBeEmptyAsync();
    }

    /// <summary>Two sessions edit one product; the second to save sees the conflict panel.</summary>
    private static async Task MakeAConflict(AccessibilityTests test, IPage page)
    {
        var name = Unique("Contrast lamp");
        var details = await CreateProductAsync(page, name, UniqueSku("AXE"), "20.00", "3");
        var edit = new Uri(details).PathAndQuery.TrimStart('/') + "/edit";
        var other = await test.OpenAsAsync(BrowserAppFixture.AdminEmail, edit);
        await test.GoToAsync(page, edit);

        await other.GetByLabel("Price").FillAsync("21.00");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(other.GetByText("$21.00", new() { Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Price").FillAsync("22.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Someone else changed this product")).ToBeVisibleAsync();
    }

    /// <summary>A product changed twice; reverting the first change finds the price changed since.</summary>
    private static async Task MakeARevertConflict(AccessibilityTests test, IPage page)
    {
        await CreateProductAsync(page, Unique("History lamp"), UniqueSku("AXE"), "20.00", "3");
        foreach (var price in new[] { "21.00", "22.00" })
        {
            await EditPriceFromDetailsAsync(page, price);
        }

        await page.Locator("li.history-entry").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Revert" }).ClickAsync();
        await Expect(page.GetByText("Nothing was reverted")).ToBeVisibleAsync();
    }

    private static async Task SaveTheEmptyForm(AccessibilityTests test, IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Name is required.")).ToBeVisibleAsync();
    }

    private static async Task PreviewAFileWithErrors(AccessibilityTests test, IPage page)
    {
        await ImportExportTests.UploadAsync(page, ImportExportTests.FileWithThreeBadRows(Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()));
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("3 with errors");
    }

    private static async Task OpenTheShortcuts(AccessibilityTests test, IPage page)
    {
        await PressShortcutAsync(page, "?");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
    }

    private static async Task SearchInThePalette(AccessibilityTests test, IPage page)
    {
        await PressShortcutAsync(page, "Control+k");
        var palette = page.GetByRole(AriaRole.Dialog, new() { Name = "Go to" });
        await Expect(palette).ToBeVisibleAsync();
        await Expect(palette.GetByRole(AriaRole.Combobox)).ToBeFocusedAsync(); // the dialog moves focus a moment after it shows
        await page.Keyboard.TypeAsync("logitech mx");
        await Expect(palette.GetByRole(AriaRole.Option, new() { Name = "Logitech MX Master 3S Mouse" })).ToBeVisibleAsync();
    }

    /// <param name="Path">Where the view starts.</param>
    /// <param name="Then">What to do there before the check: open a dialog, make errors appear.</param>
    private sealed record AxeView(string Name, string Path, bool SignedOut = false, bool Phone = false, Func<AccessibilityTests, IPage, Task>? Then = null);
}
