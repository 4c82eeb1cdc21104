using System.Diagnostics;
using System.Text.Json;
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
    /// <param name="actionsInFlight">
    /// At most this many circuits act at once (the others wait their turn, not timed), so that one Chromium on one core
    /// can render what it is asked to and the server, not the browsers, is what gets measured. Every circuit stays a real
    /// circuit (open, subscribed to live updates, refreshed by other circuits' saves); only the browsers' actions are paced.
    /// Null: every circuit acts on its own schedule.
    /// </param>
    public static async Task<int> RunAsync(int circuits, string databaseFile, string path = "products", int? actionsInFlight = null)
    {
        await using var server = await CircuitServer.StartAsync(databaseFile);
        var http = server.Http;

        // Two circuits first, so what every circuit shares (compiled components, EF Core's model, caches) is
        // in the baseline; then N more. Their difference, after a full collection, is what N idle circuits retain.
        var pages = new List<IPage>();
        for (var i = 0; i < 2; i++) pages.Add(await server.OpenCircuitAsync(path));
        await Task.Delay(2000);
        var baseline = await server.MemoryAsync();
        for (var i = 0; i < circuits; i++) pages.Add(await server.OpenCircuitAsync(path));
        await Task.Delay(2000);
        var idle = await server.MemoryAsync();
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
        var cpuBefore = CpuSeconds(server.ProcessId);
        await http.GetStringAsync("diagnostics/timings"); // starts a new period: the load's timings only
        var load = Stopwatch.StartNew();
        using var turns = new SemaphoreSlim(actionsInFlight ?? circuits);
        var timings = await Task.WhenAll(pages.Select((page, i) => Task.Run(() => DriveAsync(page, i, words, turns))));
        load.Stop();
        var cpuAfter = CpuSeconds(server.ProcessId);

        var all = timings.SelectMany(t => t).ToList();
        Console.WriteLine($"Load: {circuits} circuits, {Rounds} actions each, {ThinkTime.TotalSeconds:N0} s ± 1 s between actions " +
            $"({ThinkTime.TotalSeconds * EditThinkFactor:N0} s for editors), " +
            (actionsInFlight is { } limit ? $"at most {limit} acting at once, " : string.Empty) + $"{load.Elapsed.TotalSeconds:N0} s in all");
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
        using var serverTimings = JsonDocument.Parse(await http.GetStringAsync("diagnostics/timings"));
        var shown = new[] { "catalogadmin.request.duration", "aspnetcore.components.handle_event.duration", "aspnetcore.components.render_diff.duration" };
        foreach (var timing in serverTimings.RootElement.EnumerateArray()
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
    private static async Task<List<(string Kind, double? Milliseconds)>> DriveAsync(IPage page, int circuit, string[] words, SemaphoreSlim turns)
    {
        var random = new Random(circuit);
        var kind = circuit % 5 == 4 ? "edit" : circuit % 2 == 0 ? "search" : "page";
        var measured = new List<(string, double?)>();
        for (var round = 0; round < Rounds; round++)
        {
            await Task.Delay(ThinkTime * (kind == "edit" ? EditThinkFactor : 1) + TimeSpan.FromMilliseconds(random.Next(-1000, 1000)));
            await turns.WaitAsync();
            try
            {
                measured.Add((kind, kind switch
                {
                    "search" => await TimeUntilFirstRowChangesAsync(page, () => page.GetByLabel("Search").FillAsync(words[(circuit + round) % words.Length] + (round % 2 == 0 ? "" : " pro"))),
                    "page" => await TimeUntilFirstRowChangesAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync()),
                    _ => await TimeEditAsync(page, circuit, round),
                }));
            }
            catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
            {
                Console.WriteLine($"Circuit {circuit}, round {round} ({kind}): {exception.Message.Split('\n')[0]}");
                measured.Add((kind, null));
            }
            finally
            {
                turns.Release();
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

    /// <summary>
    /// Opens a listed product, changes its stock and saves, timed from Save to the "Updated" toast. The editors act
    /// within a second of each other, so each takes a product of its own (the nth editor the nth next on the list; a
    /// page of 25 rows serves 25 editors, i.e. 125 circuits): on one product, all but the first would meet "someone
    /// else saved this product" instead of a toast.
    /// </summary>
    private static async Task<double> TimeEditAsync(IPage page, int circuit, int round)
    {
        if (await page.Locator("a.product-name-link").CountAsync() == 0)
        {
            await page.GotoAsync(new Uri(new Uri(page.Url), "/products").ToString()); // a failed round left it elsewhere
        }

        var products = page.Locator("a.product-name-link");
        await products.First.WaitForAsync(new() { Timeout = 30_000 });
        await products.Nth((circuit / 5 + round) % await products.CountAsync()).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync(new() { Timeout = 30_000 });
        // One more than the stock shown: a fixed value would be no change on a catalog an earlier run already set, and
        // Save would show no "Updated" toast.
        var stock = page.GetByLabel("Stock", new() { Exact = true });
        var shown = int.TryParse(await stock.InputValueAsync(new() { Timeout = 30_000 }), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
        await stock.FillAsync(((shown + 1) % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        var timer = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByText("Updated \"").First.WaitForAsync(new() { Timeout = 30_000 });
        var elapsed = timer.Elapsed.TotalMilliseconds;
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).First.ClickAsync(new() { Timeout = 30_000 });
        await page.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        return elapsed;
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

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
