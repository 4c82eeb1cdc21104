using System.Diagnostics;
using System.Globalization;
using CatalogAdmin.Tests.EndToEnd;
using Microsoft.Playwright;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// N real Blazor Server circuits (browser contexts in one headless Chromium) on the products list of a
/// catalog file: half type searches, the rest page through the list; reports p50/p95 from action to
/// updated grid, and the server's memory per idle circuit. Run by hand, never in CI:
/// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 path/to/catalog.db
/// </summary>
internal static class CircuitLoad
{
    private const string Email = "load@example.com";
    private const string Password = "Load-Test-Passw0rd";

    public static async Task<int> RunAsync(int circuits, string databaseFile)
    {
        var chromium = Chromium.ExecutablePath ?? throw new InvalidOperationException(Chromium.MissingReason);
        await using var app = await AppProcess.StartAsync(Path.GetFullPath(databaseFile), seedDemoData: false, environment: new Dictionary<string, string>
        {
            ["CatalogAdmin__Admin__Email"] = Email,
            ["CatalogAdmin__Admin__Password"] = Password,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.LaunchArguments });

        var state = await SignInAsync(browser, app.BaseAddress);
        var baseline = ServerMemory(app.ProcessId);

        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var context = await browser.NewContextAsync(new() { StorageState = state, ViewportSize = new() { Width = 1280, Height = 800 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, "products").ToString());
            await page.Locator("tbody tr").First.WaitForAsync();
            pages.Add(page);
        }

        await Task.Delay(2000);
        var idle = ServerMemory(app.ProcessId);
        Console.WriteLine($"Idle circuits: {circuits}; server working set {baseline.WorkingSet / 1024:N0} KB -> {idle.WorkingSet / 1024:N0} KB, " +
            $"GC heap {baseline.GcHeap / 1024:N0} KB -> {idle.GcHeap / 1024:N0} KB");
        Console.WriteLine($"Memory per idle circuit: {(idle.WorkingSet - baseline.WorkingSet) / 1024.0 / circuits:N0} KB working set (includes the browsers' share of nothing: they are separate processes)");

        var words = new[] { "maple", "wireless", "router", "graphite", "summit", "docking", "falcon", "quartz" };
        var timings = await Task.WhenAll(pages.Select((page, i) => Task.Run(async () =>
        {
            var measured = new List<double>();
            for (var round = 0; round < 6; round++)
            {
                var before = await page.Locator("tbody tr").First.InnerTextAsync();
                var timer = Stopwatch.StartNew();
                if (i % 2 == 0)
                {
                    await page.GetByLabel("Search").FillAsync(words[(i + round) % words.Length] + (round % 2 == 0 ? "" : " pro"));
                }
                else
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
                }

                // Updated: the first row differs from before (a search also waits out its 300 ms debounce).
                try
                {
                    await page.WaitForFunctionAsync(
                        "before => { const row = document.querySelector('tbody tr'); return row && row.innerText !== before; }",
                        before, new() { Timeout = 30_000 });
                    measured.Add(timer.Elapsed.TotalMilliseconds);
                }
                catch (TimeoutException)
                {
                    Console.WriteLine($"Circuit {i}, round {round}: no update within 30 s ({(i % 2 == 0 ? "search" : "next page")}).");
                }
            }

            return measured;
        })));

        var all = timings.SelectMany(t => t).Order().ToList();
        Console.WriteLine($"Actions: {all.Count}; action to updated grid p50 {Percentile(all, 50):N0} ms, p95 {Percentile(all, 95):N0} ms, max {all[^1]:N0} ms");
        var searches = timings.Where((_, i) => i % 2 == 0).SelectMany(t => t).Order().ToList();
        var paging = timings.Where((_, i) => i % 2 == 1).SelectMany(t => t).Order().ToList();
        Console.WriteLine($"  searches (incl. 300 ms debounce): p50 {Percentile(searches, 50):N0} ms, p95 {Percentile(searches, 95):N0} ms");
        Console.WriteLine($"  paging: p50 {Percentile(paging, 50):N0} ms, p95 {Percentile(paging, 95):N0} ms");
        return 0;
    }

    private static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Products" }).WaitForAsync();
        return await context.StorageStateAsync();
    }

    private static (long WorkingSet, long GcHeap) ServerMemory(int processId)
    {
        // GC heap size is not visible from outside; the working set (VmRSS) is.
        var status = File.ReadAllLines($"/proc/{processId}/status");
        long Read(string key) => long.Parse(status.Single(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return (Read("VmRSS"), Read("RssAnon"));
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
