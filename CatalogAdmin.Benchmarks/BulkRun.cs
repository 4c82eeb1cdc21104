using System.Diagnostics;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project CatalogAdmin.Benchmarks -- bulk [1000000]`: bulk actions on a copy of the generated
/// catalog (they change it, and take up to seconds, too long for BenchmarkDotNet's repetitions). Adjust price +5%, set
/// category and set status on three selections: all Drafts (~100,000 at 1M), all of one category (~17,000 by then) and
/// 1,240 ticked ids, each timed once as sent through ISender (pipeline, one transaction, notification), with the
/// process's CPU time, after a warm-up price change and undo of 1,000 other products; the undo of the largest price
/// change; quick-edit saves of 100 rows, repeated; then all Archived products moved to the trash and back (the undo).
/// The copy is deleted afterwards.
/// </summary>
internal static class BulkRun
{
    private const int QuickEditRepeats = 20;
    private const int QuickEditWarmUps = 3;

    /// <param name="quickEditOnly">Only the quick-edit saves (the bulk actions on 100,000 products take minutes on a busy machine).</param>
    public static async Task<int> RunAsync(int products, bool quickEditOnly = false)
    {
        string source;
        await using (var fixture = await CatalogFixture.OpenAsync(products))
        {
            source = new SqliteConnectionStringBuilder(fixture.ConnectionString).DataSource;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"catalogadmin-bulk-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "catalog.db");
        CatalogFixture.CopyToDisk(source, copy);
        try
        {
            await using var catalog = await CatalogFixture.OpenFileAsync(copy, seedDemoData: false);
            var sender = catalog.Sender;
            if (quickEditOnly)
            {
                await QuickEditAsync(sender, catalog.ConnectionString, products);
                return 0;
            }

            var ids = Ids(catalog.ConnectionString, 1_240, offset: products / 2);
            var (category, otherCategory) = TwoCategories(catalog.ConnectionString);

            // The first bulk action and undo of a process also compile their queries and JIT their path (a tenth of the
            // undo's CPU time went to the JIT). As for the quick-edit saves, they are timed apart, on other products,
            // so the figures below are those of a server that has run them before.
            var warmUp = BulkSelection.OfIds(Ids(catalog.ConnectionString, 1_000, offset: products / 3));
            var warmUpChange = await TimeAsync("warm-up: adjust price +5% of 1,000 ticked", () => sender.Send(new AdjustProductPricesCommand(warmUp, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m))));
            await TimeAsync("warm-up: its undo", () => sender.Send(new UndoBatchCommand(warmUpChange.BatchId)));

            // The largest first: all Drafts (~100,000 at 1M), with the undo of its price change; its last action
            // (status Archived) takes them out of the filter. Then one category (what is left of it: ~17,000), moved out of
            // it last; then 1,240 ticked rows.
            var drafts = BulkSelection.AllMatching(new ProductFilter(Status: ProductStatus.Draft));
            await CountAsync(sender, "all matching Draft", drafts);
            var priceChange = await TimeAsync("adjust price +5%", () => sender.Send(new AdjustProductPricesCommand(drafts, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m))));
            await TimeAsync("undo of the price change", () => sender.Send(new UndoBatchCommand(priceChange.BatchId)));
            await TimeAsync("set category", () => sender.Send(new SetProductCategoryCommand(drafts, otherCategory)));
            await TimeAsync("set status Archived", () => sender.Send(new SetProductStatusCommand(drafts, ProductStatus.Archived)));

            var inCategory = BulkSelection.AllMatching(new ProductFilter(CategoryId: category));
            await CountAsync(sender, "all matching one category", inCategory);
            await TimeAsync("adjust price +5%", () => sender.Send(new AdjustProductPricesCommand(inCategory, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m))));
            await TimeAsync("set status Archived", () => sender.Send(new SetProductStatusCommand(inCategory, ProductStatus.Archived)));
            await TimeAsync("set category (another)", () => sender.Send(new SetProductCategoryCommand(inCategory, otherCategory)));

            var ticked = BulkSelection.OfIds(ids);
            await CountAsync(sender, "1,240 ticked ids", ticked);
            await TimeAsync("adjust price +5%", () => sender.Send(new AdjustProductPricesCommand(ticked, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m))));
            await TimeAsync("set status Archived", () => sender.Send(new SetProductStatusCommand(ticked, ProductStatus.Archived)));
            await TimeAsync("set category", () => sender.Send(new SetProductCategoryCommand(ticked, category)));

            await QuickEditAsync(sender, catalog.ConnectionString, products);

            // Last, as it takes them out of every list: all Archived by now (the former Drafts among them) to the trash, and back.
            var archived = BulkSelection.AllMatching(new ProductFilter(Status: ProductStatus.Archived));
            await CountAsync(sender, "all matching Archived", archived);
            var trashing = await TimeAsync("move to trash", () => sender.Send(new MoveProductsToTrashCommand(archived)));
            await TimeAsync("undo of the move to trash", () => sender.Send(new UndoBatchCommand(trashing.BatchId)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>A quick-edit save of 100 rows (price and stock changed on each), <see cref="QuickEditRepeats"/> times with the versions each save returns.</summary>
    private static async Task QuickEditAsync(MediatR.ISender sender, string connectionString, int products)
    {
        var rows = new List<QuickEditRow>();
        foreach (var id in Ids(connectionString, 100, offset: products / 5))
        {
            var product = (await sender.Send(new GetProductQuery(id)))!;
            rows.Add(new QuickEditRow(id, product.Version, QuickEditFields.Of(product.Fields)));
        }

        // The first saves of a process also compile the requests' queries and JIT the path; they are timed apart, as
        // BenchmarkDotNet's warm-up would be, and the figure is of the saves after them.
        var times = new List<double>();
        var warmUp = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = -QuickEditWarmUps; i < QuickEditRepeats; i++)
        {
            if (i == 0)
            {
                cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            }

            var edited = rows.Select(r => r with { Fields = r.Fields with { Price = r.Fields.Price + (i % 2 == 0 ? 1m : -1m), Stock = r.Fields.Stock + 1 } }).ToList();
            var timer = Stopwatch.StartNew();
            var result = await sender.Send(new SaveQuickEditsCommand(edited));
            (i < 0 ? warmUp : times).Add(timer.Elapsed.TotalMilliseconds);
            if (result.Saved.Count != rows.Count)
            {
                throw new InvalidOperationException($"Quick edit saved {result.Saved.Count} of {rows.Count} rows.");
            }

            var versions = result.Saved.ToDictionary(s => s.Id, s => s.Version);
            rows = [.. edited.Select(r => r with { Version = versions[r.Id] })];
        }

        var cpuPerSave = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / QuickEditRepeats;
        times.Sort();
        Console.WriteLine(
            $"quick-edit save of 100 rows, {QuickEditRepeats} saves: mean {times.Average():N1} ms, median {times[times.Count / 2]:N1} ms, " +
            $"min {times[0]:N1} ms, max {times[^1]:N1} ms; CPU {cpuPerSave:N1} ms a save, load {LoadAverage()}; " +
            $"before them {QuickEditWarmUps} warm-up saves: {string.Join(", ", warmUp.Select(t => $"{t:N1} ms"))}");
    }

    private static async Task<T> TimeAsync<T>(string what, Func<Task<T>> run)
    {
        // The process's CPU time beside the wall time: on a shared machine the wall time includes waiting for a core.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        var result = await run();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{what}: {timer.Elapsed.TotalSeconds:N2} s, CPU {cpu.TotalSeconds:N2} s, load {LoadAverage()} ({Describe(result)})");
        return result;
    }

    /// <summary>The machine's 1-minute load average (Linux), to tell a disturbed figure.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Describe(object? result) => result switch
    {
        BulkResult bulk => $"{bulk.Changed:N0} changed, {bulk.Unchanged:N0} unchanged, {bulk.SkippedCount:N0} skipped",
        BatchUndoResult undo => $"{undo.Reverted:N0} reverted, {undo.Skipped.Count:N0} skipped",
        _ => string.Empty,
    };

    private static async Task CountAsync(MediatR.ISender sender, string name, BulkSelection selection) =>
        Console.WriteLine($"## {name}: {await sender.Send(new CountBulkSelectionQuery(selection)):N0} products");

    /// <summary>The generator's first two categories by name.</summary>
    private static (Guid First, Guid Second) TwoCategories(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Categories ORDER BY Name LIMIT 2";
        using var reader = command.ExecuteReader();
        reader.Read();
        var first = Guid.Parse(reader.GetString(0));
        reader.Read();
        return (first, Guid.Parse(reader.GetString(0)));
    }

    private static List<Guid> Ids(string connectionString, int count, int offset)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Products WHERE DeletedAt IS NULL ORDER BY rowid LIMIT $count OFFSET $offset";
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$offset", offset);
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }
}
