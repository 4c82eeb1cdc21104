using System.Diagnostics;
using System.Text.Json;
using CatalogAdmin.Tests.EndToEnd;
using Microsoft.Playwright;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// The real app on a catalog file with its load endpoints on (<c>Diagnostics:LoadEndpoints</c>, a signed-in Admin on loopback only),
/// pinned to CPU 0 while this tool and its headless Chromium run on the other CPUs, and a signed-in Admin whose
/// browser contexts open circuits. Shared by the circuit tools (load, memory).
/// </summary>
internal sealed class CircuitServer : IAsyncDisposable
{
    private const string Email = "load@example.com";
    private const string Password = "Load-Test-Passw0rd";

    private readonly AppProcess _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _signInContext;
    private readonly string _signedIn;

    private CircuitServer(AppProcess app, IPlaywright playwright, IBrowser browser, IBrowserContext signInContext, string signedIn)
    {
        _app = app;
        _playwright = playwright;
        _browser = browser;
        _signInContext = signInContext;
        _signedIn = signedIn;
        // The load endpoints answer only a signed-in Admin: this tool's own, with the cookie its browser got.
        Http = new HttpClient(new HttpClientHandler { CookieContainer = CookiesOf(signedIn, app.BaseAddress) }) { BaseAddress = app.BaseAddress };
    }

    /// <summary>The cookies of a browser's storage state (Playwright's JSON), for an HttpClient.</summary>
    private static System.Net.CookieContainer CookiesOf(string storageState, Uri baseAddress)
    {
        var cookies = new System.Net.CookieContainer();
        using var state = JsonDocument.Parse(storageState);
        foreach (var cookie in state.RootElement.GetProperty("cookies").EnumerateArray())
        {
            cookies.Add(baseAddress, new System.Net.Cookie(cookie.GetProperty("name").GetString()!, cookie.GetProperty("value").GetString()!, "/"));
        }

        return cookies;
    }

    public Uri BaseAddress => _app.BaseAddress;

    public int ProcessId => _app.ProcessId;

    /// <summary>A client for the server's load endpoints.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the app on <paramref name="databaseFile"/> (its staff table empty or holding the load account) and signs in.</summary>
    public static async Task<CircuitServer> StartAsync(string databaseFile)
    {
        var chromium = Chromium.ExecutablePath ?? throw new InvalidOperationException(Chromium.MissingReason);

        // The browsers must not compete with the server for its cores, or their rendering is what gets measured:
        // this tool, and so Chromium, which it starts, runs on CPUs 1..n-1; the server gets CPU 0 to itself.
        var cpus = Environment.ProcessorCount;
        if (cpus >= 2)
        {
            await PinAsync(Environment.ProcessId, $"1-{cpus - 1}");
        }

        var app = await AppProcess.StartAsync(Path.GetFullPath(databaseFile), seedDemoData: false, environment: new Dictionary<string, string>
        {
            ["CatalogAdmin__Admin__Email"] = Email,
            ["CatalogAdmin__Admin__Password"] = Password,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Diagnostics__LoadEndpoints"] = "true",
        });
        try
        {
            if (cpus >= 2)
            {
                await PinAsync(app.ProcessId, "0");
                Console.WriteLine($"Server pinned to CPU 0; this tool and the browsers to CPUs 1-{cpus - 1}.");
            }
            else
            {
                Console.WriteLine("One CPU: the server and the browsers share it, so the latencies below are mostly the browsers'.");
            }

            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.LaunchArguments });
            var (signInContext, signedIn) = await SignInAsync(browser, app.BaseAddress);
            return new CircuitServer(app, playwright, browser, signInContext, signedIn);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a circuit on <paramref name="path"/> (e.g. "products", "activity?x=1") in a browser context of its own and
    /// waits until the page shows its content: the list's rows on the products list, else the heading.
    /// </summary>
    public async Task<IPage> OpenCircuitAsync(string path)
    {
        var context = await _browser.NewContextAsync(new() { StorageState = _signedIn, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, path).ToString());
        await page.Locator(path.StartsWith("products", StringComparison.Ordinal) || path.StartsWith("activity", StringComparison.Ordinal) ? "tbody tr" : "h1").First.WaitForAsync();
        return page;
    }

    /// <summary>The server's managed heap after a full, compacting collection, and its working set.</summary>
    public async Task<(long ManagedHeap, long WorkingSet)> MemoryAsync()
    {
        using var report = JsonDocument.Parse(await Http.GetStringAsync("diagnostics/memory"));
        return (report.RootElement.GetProperty("managedHeapBytes").GetInt64(), report.RootElement.GetProperty("workingSetBytes").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _signInContext.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Signs in and stays on the list the sign-in lands on: closing that page would leave a disconnected circuit that
    /// the server drops 3 minutes later, perhaps between two memory measurements.
    /// </summary>
    private static async Task<(IBrowserContext Context, string State)> SignInAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Products" }).WaitForAsync();
        return (context, await context.StorageStateAsync());
    }

    /// <summary>Moves every thread of a process to the given CPUs (threads it starts later inherit them).</summary>
    private static async Task PinAsync(int processId, string cpuList)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "--all-tasks", "--cpu-list", "--pid", cpuList, processId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var taskset = Process.Start(start) ?? throw new InvalidOperationException("taskset could not be started.");
        await taskset.StandardOutput.ReadToEndAsync();
        await taskset.WaitForExitAsync();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset failed for process {processId} (exit code {taskset.ExitCode}).");
        }
    }
}
