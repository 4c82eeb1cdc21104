using System.Globalization;
using Microsoft.Playwright;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>
/// Base of every end-to-end test: opens browser contexts on the running app (traced), finds things by
/// what users see, and on failure saves a screenshot and a Playwright trace under the test output folder.
/// </summary>
[Collection(EndToEndCollection.Name)]
public abstract class BrowserTest(BrowserAppFixture fixture) : IAsyncLifetime
{
    protected static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private readonly List<(IBrowserContext Context, IPage Page)> _opened = [];

    protected BrowserAppFixture Fixture { get; } = fixture;

    protected string Url(string path) => new Uri(Fixture.App!.BaseAddress, path).ToString();

    /// <summary>A fresh browser session (its own circuit), signed in as the Editor, on the given page of the app.</summary>
    protected Task<IPage> OpenAsync(string path = "products") => OpenAsAsync(BrowserAppFixture.EditorEmail, path);

    /// <summary>
    /// A fresh browser session signed in as <paramref name="email"/>, or signed out when it is null, on a desktop
    /// screen in light mode unless <paramref name="screen"/> says otherwise.
    /// </summary>
    protected async Task<IPage> OpenAsAsync(string? email, string path = "products", Screen? screen = null)
    {
        screen ??= Screen.Desktop;
        if (Fixture.Unavailable is { } reason)
        {
            if (Chromium.IsCi)
            {
                Assert.Fail($"End-to-end tests need a browser in CI: {reason}");
            }

            Assert.Skip(reason);
        }

        var context = await Fixture.Browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = screen.Width, Height = screen.Height },
            HasTouch = screen.Touch,
            IsMobile = screen.Touch,
            ColorScheme = screen.Dark ? ColorScheme.Dark : ColorScheme.Light,
            Locale = "en-US",
            // Toasts then appear without fading in, so what axe sees is what stays on screen, not a frame of the fade.
            ReducedMotion = ReducedMotion.Reduce,
            StorageState = email is null ? null : await Fixture.SignedInStateAsync(email),
        });
        context.SetDefaultTimeout(15_000);
        if (screen.Dark)
        {
            // The theme a user chose is remembered in localStorage; this one chose dark before the test began.
            await context.AddInitScriptAsync("if (localStorage.getItem('catalogAdmin.darkMode') === null) localStorage.setItem('catalogAdmin.darkMode', 'true');");
        }

        await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        _opened.Add((context, page));
        if (email is null)
        {
            await page.GotoAsync(Url(path));
        }
        else
        {
            await GoToAsync(page, path);
        }

        return page;
    }

    protected async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(Url(path));
        // Pages render only once the circuit is up (no prerendering): the heading proves it.
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Presses one of the app's shortcuts (e.g. "Control+k", "?", "n", or Esc to leave a form) once they work: the layout
    /// hands its shortcut table to keyboard.js just after the page first renders, and a key pressed before that does nothing.
    /// </summary>
    protected static async Task PressShortcutAsync(IPage page, string key)
    {
        await AfterFirstRenderAsync(page);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>
    /// Waits until the layout has run its first-render work in the browser (keyboard.js started, which the layout does
    /// then), for a test that taps or presses at once after a page opens.
    /// </summary>
    protected static Task AfterFirstRenderAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.catalogAdmin?.keyboard?.started === true");

    /// <summary>
    /// Focuses <paramref name="target"/> on a page just opened or navigated to, once the app has moved the focus to the
    /// page's heading: FocusOnNavigate does that a moment after each navigation, and would take an earlier focus away.
    /// </summary>
    protected static async Task FocusAfterNavigationAsync(IPage page, ILocator target)
    {
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
        await target.FocusAsync();
    }

    /// <summary>
    /// On a product's details page: Edit, a new price, Save, and back on the details page once its history shows the
    /// change. The form is waited for first, because the details page's Revert buttons are named after "Price" too.
    /// </summary>
    protected static async Task EditPriceFromDetailsAsync(IPage page, string price)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit$"));
        await page.GetByLabel("Price", new() { Exact = true }).FillAsync(price);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.history-entry").First).ToContainTextAsync("→ $" + price);
    }

    protected static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    protected static string UniqueSku(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>Creates a product through the form, as staff do, and returns its details address.</summary>
    protected static async Task<string> CreateProductAsync(IPage page, string name, string sku, string price, string stock, string? description = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New product" })).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("SKU").FillAsync(sku);
        if (description is not null)
        {
            await page.GetByLabel("Description").FillAsync(description);
        }

        await page.GetByLabel("Price").FillAsync(price);
        await page.GetByLabel("Stock").FillAsync(stock);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        return page.Url;
    }

    protected static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByLabel("Search").FillAsync(text);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]q="));
    }

    protected static ILocator Rows(IPage page) => page.Locator("tbody tr");

    protected static ILocator Row(IPage page, string text) => Rows(page).Filter(new() { HasText = text });

    /// <summary>The values of one column of the visible grid, by its header's text.</summary>
    protected static async Task<IReadOnlyList<string>> ColumnAsync(IPage page, string header)
    {
        var headers = await page.Locator("thead th").AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(header);
        Assert.True(index >= 0, $"No column \"{header}\" among {string.Join(", ", headers)}");
        return await Rows(page).Locator($"td:nth-child({index + 1})").AllInnerTextsAsync();
    }

    /// <summary>Polls until the condition holds; Playwright's Expect covers elements, this covers derived facts.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until no finite animation runs (dialogs fading in, popovers opening), so what is seen is final.</summary>
    protected static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        var folder = Path.Combine(AppContext.BaseDirectory, "e2e-artifacts", Sanitize(TestContext.Current.Test?.TestDisplayName ?? "test"));
        for (var i = 0; i < _opened.Count; i++)
        {
            var (context, page) = _opened[i];
            if (failed)
            {
                Directory.CreateDirectory(folder);
                var screenshot = Path.Combine(folder, $"page{i + 1}.png");
                var trace = Path.Combine(folder, $"trace{i + 1}.zip");
                try
                {
                    await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // the page may be gone; the trace still has its last state
                }

                await context.Tracing.StopAsync(new() { Path = trace });
                var message = $"End-to-end failure artifacts: {screenshot} {trace} (open with `pwsh bin/.../playwright.ps1 show-trace` or trace.playwright.dev)";
                TestContext.Current.TestOutputHelper?.WriteLine(message);
                await Console.Error.WriteLineAsync(message);
            }
            else
            {
                await context.Tracing.StopAsync();
            }

            await context.DisposeAsync();
        }
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_'))[..Math.Min(name.Length, 120)];
}

/// <summary>The screen a test's browser session has: size, touch, and the colour theme the user chose.</summary>
public sealed record Screen(int Width, int Height, bool Touch = false, bool Dark = false)
{
    public static Screen Desktop { get; } = new(1280, 800);

    /// <summary>A phone held upright (390x844), used by touch.</summary>
    public static Screen Phone { get; } = new(390, 844, Touch: true);

    public Screen InDarkMode() => this with { Dark = true };
}
