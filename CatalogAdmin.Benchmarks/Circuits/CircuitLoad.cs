using System.Diagnostics;
using System.Text.Json;
using CatalogAdmin.Tests.EndToEnd;
using Microsoft.Playwright;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// N real Blazor Server circuits (browser contexts in one headless Chromium) on the products list of a
/// catalog file: some type searches, some page through the list, some edit; reports p50/p95 from action to
/// updated page, the server's memory per idle circuit, the CPU the server and the browsers used, and the
/// server-side durations (Core requests, Blazor event handlers) over the same period. Run by hand, never in CI:
/// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits 30 path/to/catalog.db
/// </summary>
internal static class CircuitLoad
{
    private const string Email = "load@example.com";
    private const string Password = "Load-Test-Passw0rd";

    public static async Task<int> RunAsync(int circuits, string databaseFile, string path = "products")
    {
        var chromium = Chromium.ExecutablePath ?? throw new InvalidOperationException(Chromium.MissingReason);

        // The browsers must not compete with the server for its cores, or their rendering is what gets measured:
        // this tool, and so Chromium, which it starts, runs on CPUs 1..n-1; the server gets CPU 0 to itself.
        var cpus = Environment.ProcessorCount;
        if (cpus >= 2)
        {
            await PinAsync(Environment.ProcessId, $"1-{cpus - 1}");
        }

        await using var app = await AppProcess.StartAsync(Path.GetFullPath(databaseFile), seedDemoData: false, environment: new Dictionary<string, string>
        {
            ["CatalogAdmin__Admin__Email"] = Email,
            ["CatalogAdmin__Admin__Password"] = Password,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Diagnostics__LoadEndpoints"] = "true",
        });
        if (cpus >= 2)
        {
            await PinAsync(app.ProcessId, "0");
            Console.WriteLine($"Server pinned to CPU 0; this tool and the browsers to CPUs 1-{cpus - 1}.");
        }
        else
        {
            Console.WriteLine("One CPU: the server and the browsers share it, so the latencies below are mostly the browsers'.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.LaunchArguments });

        var state = await SignInAsync(browser, app.BaseAddress);
        // The load endpoints answer only a signed-in Admin: this tool's own, with the cookie its browser got.
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = CookiesOf(state, app.BaseAddress) }) { BaseAddress = app.BaseAddress };

        // Two circuits first, so what every circuit shares (compiled components, EF Core's model, caches) is
        // in the baseline; then N more. Their difference, after a full collection, is what N idle circuits retain.
        var pages = new List<IPage>();
        async Task OpenAsync()
        {
            var context = await browser.NewContextAsync(new() { StorageState = state, ViewportSize = new() { Width = 1280, Height = 800 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await page.Locator(path.StartsWith("products", StringComparison.Ordinal) ? "tbody tr" : "h1").First.WaitForAsync();
            pages.Add(page);
        }

        for (var i = 0; i < 2; i++) await OpenAsync();
        await Task.Delay(2000);
        var baseline = await ServerMemoryAsync(http);
        for (var i = 0; i < circuits; i++) await OpenAsync();
        await Task.Delay(2000);
        var idle = await ServerMemoryAsync(http);
        Console.WriteLine($"Idle circuits: 2 + {circuits}; server managed heap after a full GC {baseline.ManagedHeap / 1024:N0} KB -> {idle.ManagedHeap / 1024:N0} KB, " +
            $"working set {baseline.WorkingSet / 1024:N0} KB -> {idle.WorkingSet / 1024:N0} KB");
        Console.WriteLine($"Memory per idle circuit on /{path}: {(idle.ManagedHeap - baseline.ManagedHeap) / 1024.0 / circuits:N0} KB managed heap, " +
            $"{(idle.WorkingSet - baseline.WorkingSet) / 1024.0 / circuits:N0} KB working set");
        pages.RemoveRange(0, 2); // the load runs on the N measured circuits
        if (path != "products")
        {
            return 0; // the load below types and pages on the products list itself
        }

        var words = new[] { "maple", "wireless", "router", "graphite", "summit", "docking", "falcon", "quartz" };
        var cpuBefore = CpuSeconds(app.ProcessId);
        await http.GetStringAsync("diagnostics/timings"); // starts a new period: the load's timings only
        var load = Stopwatch.StartNew();
        var timings = await Task.WhenAll(pages.Select((page, i) => Task.Run(() => DriveAsync(page, i, words))));
        load.Stop();
        var cpuAfter = CpuSeconds(app.ProcessId);

        var all = timings.SelectMany(t => t).ToList();
        Console.WriteLine($"Load: {circuits} circuits, {Rounds} actions each, {ThinkTime.TotalSeconds:N0} s ± 1 s between actions " +
            $"({ThinkTime.TotalSeconds * EditThinkFactor:N0} s for editors), {load.Elapsed.TotalSeconds:N0} s in all");
        Console.WriteLine($"  failed or no update within 30 s: {all.Count(a => a.Milliseconds is null)} of {all.Count}");
        foreach (var kind in new[] { "all", "search", "page", "edit" })
        {
            var sorted = all.Where(a => a.Milliseconds is not null && (kind == "all" || a.Kind == kind)).Select(a => a.Milliseconds!.Value).Order().ToList();
            if (sorted.Count > 0)
            {
                Console.WriteLine($"  {kind,-6} action to updated page: n {sorted.Count}, p50 {Percentile(sorted, 50):N0} ms, p95 {Percentile(sorted, 95):N0} ms, max {sorted[^1]:N0} ms" +
                    (kind == "search" ? " (includes the 300 ms debounce)" : ""));
            }
        }

        Console.WriteLine($"  CPU during the load: server {cpuAfter.Server - cpuBefore.Server:N1} s, Chromium {cpuAfter.Browsers - cpuBefore.Browsers:N1} s " +
            $"(of {load.Elapsed.TotalSeconds * Environment.ProcessorCount:N0} core-seconds)");
        Console.WriteLine("  Server-side durations during the load (ms):");
        using var server = JsonDocument.Parse(await http.GetStringAsync("diagnostics/timings"));
        var shown = new[] { "catalogadmin.request.duration", "aspnetcore.components.handle_event.duration", "aspnetcore.components.render_diff.duration" };
        foreach (var timing in server.RootElement.EnumerateArray()
            .Where(t => t.GetProperty("count").GetInt32() >= 5 && shown.Any(t.GetProperty("name").GetString()!.StartsWith)))
        {
            Console.WriteLine($"    {timing.GetProperty("name").GetString()}: n {timing.GetProperty("count").GetInt32()}, " +
                $"p50 {timing.GetProperty("p50Ms").GetDouble():N1}, p95 {timing.GetProperty("p95Ms").GetDouble():N1}, max {timing.GetProperty("maxMs").GetDouble():N1}");
        }

        return 0;
    }

    private const int Rounds = 6;

    // Staff read what they asked for before acting again; every circuit waits this long (± 1 s, seeded) between
    // actions, and an editor five times as long (an edit is typed): with 30 circuits, 6 editors save 0.6 times a second.
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(2);

    private const int EditThinkFactor = 5;

    /// <summary>
    /// One circuit's actions: even circuits type searches, odd ones page; every fifth edits a listed product's
    /// stock instead (list → details → edit → save, timed from Save to the "Updated" toast).
    /// </summary>
    private static async Task<List<(string Kind, double? Milliseconds)>> DriveAsync(IPage page, int circuit, string[] words)
    {
        var random = new Random(circuit);
        var kind = circuit % 5 == 4 ? "edit" : circuit % 2 == 0 ? "search" : "page";
        var measured = new List<(string, double?)>();
        for (var round = 0; round < Rounds; round++)
        {
            await Task.Delay(ThinkTime * (kind == "edit" ? EditThinkFactor : 1) + TimeSpan.FromMilliseconds(random.Next(-1000, 1000)));
            try
            {
                measured.Add((kind, kind switch
                {
                    "search" => await TimeUntilFirstRowChangesAsync(page, () => page.GetByLabel("Search").FillAsync(words[(circuit + round) % words.Length] + (round % 2 == 0 ? "" : " pro"))),
                    "page" => await TimeUntilFirstRowChangesAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync()),
                    _ => await TimeEditAsync(page, round),
                }));
            }
            catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
            {
                Console.WriteLine($"Circuit {circuit}, round {round} ({kind}): {exception.Message.Split('\n')[0]}");
                measured.Add((kind, null));
            }
        }

        return measured;
    }

    private static async Task<double> TimeUntilFirstRowChangesAsync(IPage page, Func<Task> act)
    {
        var before = await page.Locator("tbody tr").First.InnerTextAsync(new() { Timeout = 30_000 });
        var timer = Stopwatch.StartNew();
        await act();
        await page.WaitForFunctionAsync(
            "before => { const row = document.querySelector('tbody tr'); return row && row.innerText !== before; }",
            before, new() { Timeout = 30_000 });
        return timer.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeEditAsync(IPage page, int round)
    {
        if (await page.Locator("a.product-name-link").CountAsync() == 0)
        {
            await page.GotoAsync(new Uri(new Uri(page.Url), "/products").ToString()); // a failed round left it elsewhere
        }

        await page.Locator("a.product-name-link").Nth(round % 10).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("Stock").FillAsync((100 + round).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        var timer = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByText("Updated \"").First.WaitForAsync(new() { Timeout = 30_000 });
        var elapsed = timer.Elapsed.TotalMilliseconds;
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).First.ClickAsync(new() { Timeout = 30_000 });
        await page.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        return elapsed;
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

    /// <summary>CPU time used so far by the app server and by all Chromium processes.</summary>
    private static (double Server, double Browsers) CpuSeconds(int serverProcessId)
    {
        using var server = Process.GetProcessById(serverProcessId);
        var browsers = 0.0;
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    if (process.ProcessName.Contains("chrom", StringComparison.OrdinalIgnoreCase)) browsers += process.TotalProcessorTime.TotalSeconds;
                }
                catch (InvalidOperationException)
                {
                    // exited while we looked
                }
            }
        }

        return (server.TotalProcessorTime.TotalSeconds, browsers);
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

    /// <summary>The server's own figures, from its memory endpoint (enabled for this run only).</summary>
    private static async Task<(long ManagedHeap, long WorkingSet)> ServerMemoryAsync(HttpClient http)
    {
        using var report = JsonDocument.Parse(await http.GetStringAsync("diagnostics/memory"));
        return (report.RootElement.GetProperty("managedHeapBytes").GetInt64(), report.RootElement.GetProperty("workingSetBytes").GetInt64());
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
