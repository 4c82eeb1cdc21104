using CatalogAdmin.Core.Products;
using Microsoft.Diagnostics.NETCore.Client;

namespace CatalogAdmin.Benchmarks.Circuits;

/// <summary>
/// What an idle circuit holds on the server, by type and by what holds it. Opens a baseline of circuits on a page,
/// dumps the server's heap, opens N more, dumps again, and reads both dumps with ClrMD (<see cref="HeapProfile"/>).
/// Run by hand, never in CI:
/// dotnet run -c Release --project CatalogAdmin.Benchmarks -- circuits-memory 10 [catalog.db] [/products]
/// </summary>
internal static class CircuitMemory
{
    private const int BaselineCircuits = 2;

    public static async Task<int> RunAsync(int circuits, string? databaseFile, string page)
    {
        var path = page.TrimStart('/');
        var work = Directory.CreateTempSubdirectory("catalogadmin-circuits-memory-"); // the dumps are a few hundred MB each
        try
        {
            var database = databaseFile ?? await UsedDemoCatalogAsync(Path.Combine(work.FullName, "catalog.db"));
            var baselineDump = Path.Combine(work.FullName, "baseline.dmp");
            var loadedDump = Path.Combine(work.FullName, "loaded.dmp");
            (long ManagedHeap, long WorkingSet) baseline, loaded; // the dumps touch every page, so the working set says nothing here
            await using (var server = await CircuitServer.StartAsync(database))
            {
                // The baseline holds what every circuit shares (compiled components, EF Core's model, caches);
                // the dumps are taken right after the server's own full, compacting collection.
                for (var i = 0; i < BaselineCircuits; i++) await server.OpenCircuitAsync(path);
                await Task.Delay(2000);
                await server.Http.GetStringAsync("diagnostics/timings"); // drops the samples the load endpoints collected so far
                baseline = await server.MemoryAsync();
                await DumpAsync(server.ProcessId, baselineDump);
                for (var i = 0; i < circuits; i++) await server.OpenCircuitAsync(path);
                await Task.Delay(2000);
                await server.Http.GetStringAsync("diagnostics/timings");
                loaded = await server.MemoryAsync();
                await DumpAsync(server.ProcessId, loadedDump);
            }

            Console.WriteLine($"Idle circuits on /{path}: {BaselineCircuits} + {circuits}. Server's managed heap after a full GC " +
                $"{baseline.ManagedHeap / 1024:N0} KB -> {loaded.ManagedHeap / 1024:N0} KB: {(loaded.ManagedHeap - baseline.ManagedHeap) / 1024.0 / circuits:N0} KB per circuit.");
            var analysis = System.Diagnostics.Stopwatch.StartNew();
            var profile = HeapProfile.Compare(baselineDump, loadedDump, circuits);
            Console.WriteLine($"Dumps read in {analysis.Elapsed.TotalSeconds:N0} s.");
            profile.Print(Console.Out);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The server's heap (a dump without code pages: enough for ClrMD), written by the runtime's createdump.</summary>
    private static async Task DumpAsync(int processId, string file)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await new DiagnosticsClient(processId).WriteDumpAsync(DumpType.WithHeap, file, logDumpGeneration: false, CancellationToken.None);
        Console.WriteLine($"Heap dump of the server: {new FileInfo(file).Length / 1024 / 1024:N0} MB in {started.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>
    /// The app's demo catalog (about twenty products) with 50 changes behind it, so the activity log shows a full page
    /// as it would in use.
    /// </summary>
    private static async Task<string> UsedDemoCatalogAsync(string file)
    {
        await using var catalog = await CatalogFixture.OpenFileAsync(file, seedDemoData: true);
        var products = await catalog.Sender.Send(new ListProductsQuery(PageSize: 50));
        for (var change = 0; change < 50; change++)
        {
            var item = products.Items[change % products.Items.Count];
            var product = (await catalog.Sender.Send(new GetProductQuery(item.Id)))!;
            await catalog.Sender.Send(new UpdateProductCommand(product.Id, product.Fields with { Stock = product.Fields.Stock + 1 }, product.Version));
        }

        return file;
    }
}
