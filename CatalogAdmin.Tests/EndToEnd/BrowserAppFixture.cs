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
    public const string Password = "E2e-Passw0rd-Long";

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);

    public string DatabaseFile => Path.Combine(_folder, "catalog.db");

    private static Dictionary<string, string> Environment => new()
    {
        ["CatalogAdmin__Admin__Email"] = AdminEmail,
        ["CatalogAdmin__Admin__Password"] = Password,
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
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
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
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Role", new() { Exact = true }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
            // On a busy machine the choice can arrive after a quick submit: see it taken before creating the account.
            await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Role", Exact = true })).ToHaveTextAsync(role);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();
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
