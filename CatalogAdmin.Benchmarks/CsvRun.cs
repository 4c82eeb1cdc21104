using System.Diagnostics;
using System.Globalization;
using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project CatalogAdmin.Benchmarks -- csv 1000000`: one timed run of each CSV operation on a
/// copy of the generated catalog (they take seconds, too long for BenchmarkDotNet's repetitions): export every product
/// to a file; build an import of 100,000 rows (half updates of exported products with a new price, half new SKUs);
/// preview it; apply it; undo it. For each: the time, and the growth of the managed heap (peak, sampled every 50 ms, over the
/// heap after a full collection before it) and of the process's peak working set.
/// </summary>
internal static class CsvRun
{
    public static async Task<int> RunAsync(int products, int importRows)
    {
        string source;
        await using (var fixture = await CatalogFixture.OpenAsync(products))
        {
            source = new SqliteConnectionStringBuilder(fixture.ConnectionString).DataSource;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"catalogadmin-csv-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "catalog.db");
        CatalogFixture.CopyToDisk(source, copy);
        try
        {
            await using var fixture = await CatalogFixture.OpenFileAsync(copy, seedDemoData: false);
            var exportFile = Path.Combine(folder, "export.csv");
            await MeasureAsync($"export {products:N0} products", async () =>
            {
                await using var file = new FileStream(exportFile, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                await ProductCsv.WriteAsync(fixture.Sender.CreateStream(new ExportProductsQuery()), file, CancellationToken.None);
                return $"{file.Length / (1024.0 * 1024):N0} MB";
            });

            var importFile = Path.Combine(folder, "import.csv");
            await WriteImportAsync(fixture.ConnectionString, importFile, importRows);
            ImportPreview? preview = null;
            await MeasureAsync($"preview {importRows:N0} rows", async () =>
            {
                await using var file = File.OpenRead(importFile);
                preview = await fixture.Sender.Send(new PreviewProductImportQuery(file));
                return preview.Summary;
            });

            ImportResult? applied = null;
            await MeasureAsync($"apply {importRows:N0} rows", async () =>
            {
                await using var file = File.OpenRead(importFile);
                var result = applied = await fixture.Sender.Send(new ApplyProductImportCommand(file, preview!));
                return $"{result.Created:N0} created, {result.Updated:N0} updated, {result.Conflicts.Count} conflicts";
            });

            // Undo finds the import's products through their history entries (the import's id is their batch).
            await MeasureAsync($"undo of the import", async () =>
            {
                var result = await fixture.Sender.Send(new UndoBatchCommand(applied!.ImportId));
                return $"{result.Reverted:N0} reverted, {result.Skipped.Count:N0} skipped";
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// Half the rows: existing products (spread over the catalog, read from the database) with their price raised by 1;
    /// half: new SKUs.
    /// </summary>
    private static async Task WriteImportAsync(string connectionString, string importFile, int rows)
    {
        var updates = rows / 2;
        var existing = new List<(string Sku, string Name, long PriceCents, long Stock)>(updates);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT Sku, Name, PriceCents, Stock FROM Products
                WHERE DeletedAt IS NULL AND rowid % (SELECT MAX(1, COUNT(*) / $updates) FROM Products) = 0
                LIMIT $updates
                """;
            command.Parameters.AddWithValue("$updates", updates);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                existing.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        await using var output = new StreamWriter(importFile);
        await output.WriteAsync("SKU,Name,Price,Stock\r\n");
        foreach (var (sku, name, priceCents, stock) in existing)
        {
            var price = (priceCents + 100) / 100m;
            await output.WriteAsync($"{sku},\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{price.ToString("0.00", CultureInfo.InvariantCulture)},{stock}\r\n");
        }

        for (var i = 0; i < rows - existing.Count; i++)
        {
            await output.WriteAsync($"CSV-BENCH-{i:D7},Imported product {i},{(i % 500) + 0.99m:0.00},{i % 40}\r\n");
        }
    }

    private static async Task MeasureAsync(string what, Func<Task<string>> run)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var privateBefore = ResidentPrivateBytes();
        var peakHeap = heapBefore;
        long peakWorkingSet = workingSetBefore;
        var peakPrivate = privateBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakPrivate = Math.Max(peakPrivate, ResidentPrivateBytes());
                try
                {
                    await Task.Delay(50, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var cpuBefore = process.TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        var outcome = await run();
        timer.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine(
            $"{what}: {timer.Elapsed.TotalSeconds:N1} s (CPU {cpu.TotalSeconds:N1} s, load {BulkRun.LoadAverage()}); managed heap peak +{(peakHeap - heapBefore) / (1024.0 * 1024):N0} MB; " +
            $"working set peak +{(peakWorkingSet - workingSetBefore) / (1024.0 * 1024):N0} MB, of it private +{(peakPrivate - privateBefore) / (1024.0 * 1024):N0} MB ({outcome})");
    }

    /// <summary>
    /// The process's own memory in RAM (Linux: RssAnon, the managed heap, SQLite's page cache and other allocations); the
    /// working set also counts the pages of the database file that SQLite reads through mmap, which are the OS's file
    /// cache, shared and given back under memory pressure. 0 where /proc is not there.
    /// </summary>
    private static long ResidentPrivateBytes()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
