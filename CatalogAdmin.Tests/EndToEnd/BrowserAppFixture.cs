using Microsoft.Playwright;

namespace CatalogAdmin.Tests.EndToEnd;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "End-to-end";
}

/// <summary>
/// Once per end-to-end collection: a temporary SQLite file, the real app serving it, and one headless
/// Chromium. Each test opens its own browser context(s). Everything is removed afterwards.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "catalogadmin-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public const string AdminEmail = "admin@e2e.test";
    public const string EditorEmail = "editor@e2e.test";
    public const string ViewerEmail = "viewer@e2e.test";
    public const string LockoutEmail = "lockme@e2e.test";
    public const string Password = "E2e-Passw0rd-Long"; // 17 characters, not a common password

    /// <summary>The Admin makes an account on the Staff page, with <paramref name="password"/> or, without one, a generated one-time password it returns.</summary>
    public static async Task<string> CreateAccountAsync(IPage adminPage, Uri baseAddress, string email, string role, string? password = Password)
    {
        await adminPage.GotoAsync(new Uri(baseAddress, "staff").ToString());
        await adminPage.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await adminPage.GetByLabel("Role", new() { Exact = true }).First.ClickAsync();
        await adminPage.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        // On a busy machine the choice can arrive after a quick submit: see it taken before creating the account.
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Combobox, new() { Name = "Role", Exact = true })).ToHaveTextAsync(role);
        if (password is not null)
        {
            await adminPage.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        }

        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();
        return password ?? await adminPage.Locator("code.one-time-password").InnerTextAsync();
    }

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);

    public string DatabaseFile => Path.Combine(_folder, "catalog.db");

    private static Dictionary<string, string> Environment => new()
    {
        ["CatalogAdmin__Admin__Email"] = AdminEmail,
        ["CatalogAdmin__Admin__Password"] = Password,
        // Every test signs in from 127.0.0.1, many within a minute; the limits themselves are tested at their
        // production values (ProxiedAppTests, HardeningTests).
        ["SignIn__RateLimit__PerAddressPermitLimit"] = "1000",
        ["SignIn__RateLimit__PerAccountPermitLimit"] = "1000",
    };

    public AppProcess? App { get; private set; }

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Expectations wait as long as actions do (15 s): a 2-core machine running the app, Chromium and the tests
        // can take more than Playwright's default 5 s to render a page after a circuit starts.
        Assertions.SetDefaultExpectTimeout(15_000);
        var chromium = Chromium.ExecutablePath;
        if (chromium is null)
        {
            Unavailable = Chromium.MissingReason;
            return;
        }

        // Assertions wait as long as actions do (the contexts' 15 s): on a machine busy with other builds, 5 s is too short.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(_folder);
        App = await AppProcess.StartAsync(DatabaseFile, environment: Environment);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.LaunchArguments,
        });
        await CreateStaffAccountsAsync();
    }

    /// <summary>Skips (on a developer's machine) or fails (in CI) a test that needs the browser when there is none.</summary>
    public void SkipIfUnavailable()
    {
        if (Unavailable is { } reason)
        {
            if (Chromium.IsCi)
            {
                Assert.Fail($"End-to-end tests need a browser in CI: {reason}");
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>The cookies of a signed-in session for this account, signed in once through the sign-in page.</summary>
    public async Task<string> SignedInStateAsync(string email)
    {
        await _signInGate.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(email, out var state))
            {
                await using var context = await Browser!.NewContextAsync();
                var page = await context.NewPageAsync();
                await SignInAsync(page, App!.BaseAddress, email, Password);
                _signedIn[email] = state = await context.StorageStateAsync();
            }

            return state;
        }
        finally
        {
            _signInGate.Release();
        }
    }

    public static async Task SignInAsync(IPage page, Uri baseAddress, string email, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The first sign-in of a run also warms the app up (a circuit, the first queries): give it the context's time.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    /// <summary>The Admin (from configuration) makes the other test accounts on the Staff page, as an Admin would.</summary>
    private async Task CreateStaffAccountsAsync()
    {
        await using var context = await Browser!.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, App!.BaseAddress, AdminEmail, Password);
        await page.GotoAsync(new Uri(App.BaseAddress, "staff").ToString());
        foreach (var (email, role) in new[] { (EditorEmail, "Editor"), (ViewerEmail, "Viewer"), (LockoutEmail, "Viewer") })
        {
            await CreateAccountAsync(page, App.BaseAddress, email, role);
        }
    }

    /// <summary>
    /// Stops the app (cleanly, or killed when <paramref name="kill"/>) and starts it again on the same database
    /// file and address, as a service restart would: open pages can find it again.
    /// </summary>
    public async Task RestartAppAsync(bool kill = false)
    {
        var port = App?.BaseAddress.Port ?? 0;
        if (App is not null)
        {
            if (kill)
            {
                await App.KillAsync();
            }

            await App.DisposeAsync();
        }

        App = await AppProcess.StartAsync(DatabaseFile, environment: Environment, port: port);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
