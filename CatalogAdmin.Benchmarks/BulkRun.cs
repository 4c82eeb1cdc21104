using System.Diagnostics;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project CatalogAdmin.Benchmarks -- bulk [1000000]`: bulk actions on a copy of the generated
/// catalog (they change it, and take up to seconds, too long for BenchmarkDotNet's repetitions). Adjust price +5%, set
/// category and set status on three selections: 1,240 ticked ids, all matching "graphite" + Draft (~12,500 at 1M) and
/// all Drafts (~100,000 at 1M), each timed as sent through ISender (pipeline, one transaction, notification); the undo
/// of the largest price change; and quick-edit saves of 100 rows, repeated. The copy is deleted afterwards.
/// </summary>
internal static class BulkRun
{
    private const int QuickEditRepeats = 20;

    public static async Task<int> RunAsync(int products)
    {
        string source;
        await using (var fixture = await CatalogFixture.OpenAsync(products))
        {
            source = new SqliteConnectionStringBuilder(fixture.ConnectionString).DataSource;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"catalogadmin-bulk-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "catalog.db");
        File.Copy(source, copy);
        try
        {
            await using var catalog = await CatalogFixture.OpenFileAsync(copy, seedDemoData: false);
            var sender = catalog.Sender;
            var ids = Ids(catalog.ConnectionString, 1_240, offset: products / 2);
            var category = FilteredListBenchmarks.FirstCategory(catalog.ConnectionString);
            (string Name, BulkSelection Selection)[] selections =
            [
                ("1,240 ticked ids", BulkSelection.OfIds(ids)),
                ("all matching 'graphite' + Draft", BulkSelection.AllMatching(new ProductFilter("graphite", Status: ProductStatus.Draft))),
                ("all matching Draft", BulkSelection.AllMatching(new ProductFilter(Status: ProductStatus.Draft))),
            ];

            BulkResult? largestPriceChange = null;
            foreach (var (name, selection) in selections)
            {
                var count = await sender.Send(new CountBulkSelectionQuery(selection));
                Console.WriteLine($"## {name}: {count:N0} products");
                largestPriceChange = await TimeAsync("adjust price +5%", () => sender.Send(new AdjustProductPricesCommand(selection, new PriceAdjustment(PriceAdjustmentKind.Percent, 5m))));
                await TimeAsync("set category", () => sender.Send(new SetProductCategoryCommand(selection, category)));
                if (selection.Filter is { Status: ProductStatus.Draft })
                {
                    // The last action on a Draft selection: afterwards the filter no longer matches them.
                    await TimeAsync("undo of the price change", () => sender.Send(new UndoBatchCommand(largestPriceChange.BatchId)));
                }

                await TimeAsync("set status Archived", () => sender.Send(new SetProductStatusCommand(selection, ProductStatus.Archived)));
            }

            await QuickEditAsync(sender, catalog.ConnectionString, products);
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

        var times = new List<double>();
        for (var i = 0; i < QuickEditRepeats; i++)
        {
            var edited = rows.Select(r => r with { Fields = r.Fields with { Price = r.Fields.Price + (i % 2 == 0 ? 1m : -1m), Stock = r.Fields.Stock + 1 } }).ToList();
            var timer = Stopwatch.StartNew();
            var result = await sender.Send(new SaveQuickEditsCommand(edited));
            times.Add(timer.Elapsed.TotalMilliseconds);
            if (result.Saved.Count != rows.Count)
            {
                throw new InvalidOperationException($"Quick edit saved {result.Saved.Count} of {rows.Count} rows.");
            }

            var versions = result.Saved.ToDictionary(s => s.Id, s => s.Version);
            rows = [.. edited.Select(r => r with { Version = versions[r.Id] })];
        }

        times.Sort();
        Console.WriteLine(
            $"quick-edit save of 100 rows, {QuickEditRepeats} saves: mean {times.Average():N1} ms, median {times[times.Count / 2]:N1} ms, " +
            $"min {times[0]:N1} ms, max {times[^1]:N1} ms");
    }

    private static async Task<T> TimeAsync<T>(string what, Func<Task<T>> run)
    {
        var timer = Stopwatch.StartNew();
        var result = await run();
        Console.WriteLine($"{what}: {timer.Elapsed.TotalSeconds:N2} s ({Describe(result)})");
        return result;
    }

    private static string Describe(object? result) => result switch
    {
        BulkResult bulk => $"{bulk.Changed:N0} changed, {bulk.Unchanged:N0} unchanged, {bulk.SkippedCount:N0} skipped",
        BatchUndoResult undo => $"{undo.Reverted:N0} reverted, {undo.Skipped.Count:N0} skipped",
        _ => string.Empty,
    };

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
