using CatalogAdmin.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CatalogAdmin.Tests.EndToEnd;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeveralInstancesCollection : ICollectionFixture<TwoInstancesFixture>
{
    public const string Name = "Several instances";
}

/// <summary>
/// Two app processes on one PostgreSQL database (a private server, <see cref="PostgreSqlServer"/>), as behind a load
/// balancer, and one headless Chromium. Instance A starts first (it migrates and creates the Admin), then B.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly string _database = $"instances_{Guid.NewGuid():N}";
    private PostgreSqlServer? _server;
    private IPlaywright? _playwright;

    public const string AdminEmail = "admin@instances.test";
    public const string Password = "Instances-Passw0rd-Long";

    public AppProcess? A { get; private set; }

    public AppProcess? B { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Unavailable = (Chromium.ExecutablePath is null ? Chromium.MissingReason : null) ?? PostgreSqlServer.Unavailable;
        if (Unavailable is not null)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        _server = await PostgreSqlServer.RequireAsync();
        var environment = new Dictionary<string, string>
        {
            ["Catalog__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Catalog"] = await _server.CreateDatabaseAsync(_database),
            ["CatalogAdmin__Admin__Email"] = AdminEmail,
            ["CatalogAdmin__Admin__Password"] = Password,
        };
        A = await AppProcess.StartAsync("(unused on PostgreSQL)", environment: environment);
        B = await AppProcess.StartAsync("(unused on PostgreSQL)", environment: environment);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.LaunchArguments });
    }

    public void SkipIfUnavailable()
    {
        if (Unavailable is { } reason)
        {
            if (Chromium.IsCi)
            {
                Assert.Fail($"The several-instances tests need a browser and PostgreSQL in CI: {reason}");
            }

            Assert.Skip(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (_server is not null) await _server.DropDatabaseAsync(_database);
    }
}

[Collection(SeveralInstancesCollection.Name)]
public sealed class SeveralInstancesTests(TwoInstancesFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_session_signed_in_on_one_instance_is_accepted_by_the_other_with_the_same_cookie()
    {
        var page = await SignedInOnAAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "CatalogAdmin.Auth");

        // Cookies do not tell ports apart: the browser sends A's cookie to B, and B must be able to read it.
        await page.GotoAsync(new Uri(fixture.B!.BaseAddress, "products").ToString());

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
        Assert.DoesNotContain("Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(cookie.Value, (await page.Context.CookiesAsync()).Single(c => c.Name == "CatalogAdmin.Auth").Value);
    }

    [Fact]
    public async Task A_product_created_through_one_instance_appears_live_in_the_list_open_on_the_other()
    {
        var name = $"Two instances lamp {Guid.NewGuid().ToString("N")[..8]}";
        var watcher = await SignedInOnAAsync();
        await watcher.GotoAsync(new Uri(fixture.B!.BaseAddress, "products").ToString());
        await watcher.GetByLabel("Search").FillAsync(name);
        await Expect(watcher.GetByText($"No products match “{name}”.")).ToBeVisibleAsync();

        var actor = await SignedInOnAAsync();
        await actor.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await Expect(actor.GetByRole(AriaRole.Heading, new() { Name = "New product" })).ToBeVisibleAsync();
        await actor.GetByLabel("Name").FillAsync(name);
        await actor.GetByLabel("SKU").FillAsync($"TWO-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}");
        await actor.GetByLabel("Price").FillAsync("25.00");
        await actor.GetByLabel("Stock").FillAsync("10");
        await actor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(actor.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        // No reload on B: the change reached it through PostgreSQL's NOTIFY.
        await Expect(watcher.Locator("tbody tr").Filter(new() { HasText = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Both_instances_report_the_shared_database_healthy()
    {
        fixture.SkipIfUnavailable();
        using var http = new HttpClient();
        foreach (var app in new[] { fixture.A!, fixture.B! })
        {
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(app.BaseAddress, "health"), TestContext.Current.CancellationToken));
        }
    }

    private async Task<IPage> SignedInOnAAsync()
    {
        fixture.SkipIfUnavailable();
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.SignInAsync(page, fixture.A!.BaseAddress, TwoInstancesFixture.AdminEmail, TwoInstancesFixture.Password);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
