using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Benchmarks;

/// <summary>Every request staff make most, through ISender as the UI sends them, at three catalog sizes.</summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private CatalogFixture _catalog = null!;
    private Guid _existing;
    private Guid _updated;
    private long _version;
    private int _created;

    /// <summary>10k, 100k and 1M products; CATALOG_BENCHMARK_PRODUCTS sets one size (e.g. 1000000).</summary>
    public static IEnumerable<int> Sizes =>
        int.TryParse(Environment.GetEnvironmentVariable("CATALOG_BENCHMARK_PRODUCTS"), out var size) ? [size] : [10_000, 100_000, 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _catalog = await CatalogFixture.OpenAsync(Products);
        _existing = _catalog.SomeProductId(Products / 2);
        _updated = _catalog.SomeProductId(Products / 3);
        _version = (await _catalog.Sender.Send(new GetProductQuery(_updated)))!.Version;
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Description = "List page 1 of 50 by name")]
    public Task<PagedResult<ProductListItem>> FirstPageByName() =>
        _catalog.Sender.Send(new ListProductsQuery(PageSize: 50));

    [Benchmark(Description = "List page 1 of 50 by price desc")]
    public Task<PagedResult<ProductListItem>> FirstPageByPriceDescending() =>
        _catalog.Sender.Send(new ListProductsQuery(SortBy: ProductSortField.Price, Descending: true, PageSize: 50));

    [Benchmark(Description = "List page 10,000 of 50 by name")]
    public Task<PagedResult<ProductListItem>> Page10000ByName() =>
        _catalog.Sender.Send(new ListProductsQuery(Page: 10_000, PageSize: 50));

    [Benchmark(Description = "Search 'maple pro' (selective), top 50 + count")]
    public Task<PagedResult<ProductListItem>> SearchSelective() =>
        _catalog.Sender.Send(new ListProductsQuery(new ProductFilter("maple pro"), PageSize: 50));

    [Benchmark(Description = "Search 'ireless' (1 in 16 rows), top 50 + count")]
    public Task<PagedResult<ProductListItem>> SearchBroad() =>
        _catalog.Sender.Send(new ListProductsQuery(new ProductFilter("ireless"), PageSize: 50));

    [Benchmark(Description = "Search 'graphite' (1 in 8 rows), top 50 + count")]
    public Task<PagedResult<ProductListItem>> SearchVeryBroad() =>
        _catalog.Sender.Send(new ListProductsQuery(new ProductFilter("graphite"), PageSize: 50));

    [Benchmark(Description = "Search 'wireless pro' (no match), top 50 + count")]
    public Task<PagedResult<ProductListItem>> SearchNoMatch() =>
        _catalog.Sender.Send(new ListProductsQuery(new ProductFilter("wireless pro"), PageSize: 50));

    [Benchmark(Description = "Search 'ac' (short: prefix), top 50 + count")]
    public Task<PagedResult<ProductListItem>> SearchShortPrefix() =>
        _catalog.Sender.Send(new ListProductsQuery(new ProductFilter("ac"), PageSize: 50));

    [Benchmark(Description = "Get by id")]
    public Task<ProductDto?> GetById() => _catalog.Sender.Send(new GetProductQuery(_existing));

    [Benchmark(Description = "Create")]
    public Task<Guid> Create() =>
        _catalog.Sender.Send(new CreateProductCommand(new ProductFields("Benchmark lamp", $"BENCH-{Environment.ProcessId}-{++_created}", null, 19.99m, 3)));

    [Benchmark(Description = "Update")]
    public async Task Update() =>
        _version = await _catalog.Sender.Send(new UpdateProductCommand(_updated, new ProductFields("Benchmark chair", $"BENCH-UPD-{Products}", null, 49.50m, 7), _version));
}
