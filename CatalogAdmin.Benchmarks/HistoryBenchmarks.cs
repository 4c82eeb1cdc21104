using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// Writing history with every create and update, at 1M products that each have a history entry; and reading the
/// history of a product with 10,000 entries, newest first.
/// </summary>
[MemoryDiagnoser]
public class HistoryBenchmarks
{
    private const int LongHistory = 10_000;
    private CatalogFixture _catalog = null!;
    private Guid _updated;
    private Guid _longHistory;
    private long _version;
    private decimal _price = 49.50m;
    private int _created;

    /// <summary>1M products; HISTORY_BENCHMARK_PRODUCTS sets another size (a quicker run).</summary>
    public static IEnumerable<int> Sizes =>
        [int.TryParse(Environment.GetEnvironmentVariable("HISTORY_BENCHMARK_PRODUCTS"), out var size) ? size : 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _catalog = await CatalogFixture.OpenAsync(Products);
        _updated = _catalog.SomeProductId(Products / 3);
        _longHistory = _catalog.SomeProductId(Products / 4);
        FillHistory();
        _version = (await _catalog.Sender.Send(new GetProductQuery(_updated)))!.Version;
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Description = "Create, with its history entry")]
    public Task<Guid> Create() =>
        _catalog.Sender.Send(new CreateProductCommand(new ProductFields("History lamp", $"HIST-{Environment.ProcessId}-{++_created}", null, 19.99m, 3)));

    [Benchmark(Description = "Update (price), with its history entry")]
    public async Task Update()
    {
        _price = _price == 49.50m ? 51m : 49.50m; // a real change each time, so an entry is written
        _version = await _catalog.Sender.Send(new UpdateProductCommand(_updated, new ProductFields("History chair", $"HIST-UPD-{Products}", null, _price, 7), _version));
    }

    [Benchmark(Description = "History page 1 of 50, product with 10,000 entries")]
    public Task<PagedResult<ProductHistoryEntryDto>> FirstHistoryPage() =>
        _catalog.Sender.Send(new ListProductHistoryQuery(_longHistory, 1, 50));

    [Benchmark(Description = "History page 200 of 50 (the oldest), product with 10,000 entries")]
    public Task<PagedResult<ProductHistoryEntryDto>> LastHistoryPage() =>
        _catalog.Sender.Send(new ListProductHistoryQuery(_longHistory, LongHistory / 50, 50));

    /// <summary>Once per catalog file: a created entry for every product, and 10,000 price changes for one.</summary>
    private void FillHistory()
    {
        using var connection = new SqliteConnection(_catalog.ConnectionString);
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM ProductHistory WHERE ProductId = $id";
        count.Parameters.AddWithValue("$id", _longHistory.ToString().ToUpperInvariant());
        if ((long)count.ExecuteScalar()! >= LongHistory)
        {
            return;
        }

        using var fill = connection.CreateCommand();
        fill.CommandTimeout = 600;
        fill.CommandText = """
            BEGIN;
            INSERT INTO ProductHistory (ProductId, OccurredAt, ChangedBy, ChangedByRole, Source, Kind, BatchId, VersionAfter, Changes)
            SELECT Id, CreatedAt, 'seed@example.com', 'Admin', 'System', 'Created', NULL, 1,
                   json_array(json_object('Field', 'Name', 'NewValue', Name), json_object('Field', 'Sku', 'NewValue', Sku))
            FROM Products;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
            INSERT INTO ProductHistory (ProductId, OccurredAt, ChangedBy, ChangedByRole, Source, Kind, BatchId, VersionAfter, Changes)
            SELECT $id, 638000000000000000 + i * 600000000, 'editor@example.com', 'Editor', 'Form', 'Updated', NULL, i + 1,
                   json_array(json_object('Field', 'Price', 'OldValue', printf('%d.99', i), 'NewValue', printf('%d.99', i + 1)),
                              json_object('Field', 'Stock', 'OldValue', CAST(i AS TEXT), 'NewValue', CAST(i + 1 AS TEXT)))
            FROM n;
            COMMIT;
            ANALYZE;
            """;
        fill.Parameters.AddWithValue("$id", _longHistory.ToString().ToUpperInvariant());
        fill.ExecuteNonQuery();
    }
}
