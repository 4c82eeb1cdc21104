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

    public string DatabaseFile => Path.Combine(_folder, "catalog.db");

    public AppProcess? App { get; private set; }

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath;
        if (chromium is null)
        {
            Unavailable = Chromium.MissingReason;
            return;
        }

        Directory.CreateDirectory(_folder);
        App = await AppProcess.StartAsync(DatabaseFile);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.LaunchArguments,
        });
    }

    /// <summary>Stops the app and starts it again on the same database file.</summary>
    public async Task RestartAppAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        App = await AppProcess.StartAsync(DatabaseFile);
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
