using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// The trash page with 100,000 products in the trash, among a catalog of <see cref="Products"/> (the other 100,000 live): its
/// first and a deep page, a search in it, and the live list beside it (which must not pay for the trash).
/// </summary>
[MemoryDiagnoser]
public class TrashBenchmarks
{
    private const int Trashed = 100_000;
    private CatalogFixture _catalog = null!;

    [Params(200_000)]
    public int Products { get; set; }

    [GlobalSetup]
    public async Task SetupAsync() => _catalog = await CatalogFixture.OpenAsync(Products, Trashed);

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Description = "Trash page 1 of 25, newest first + count")]
    public Task<PagedResult<TrashedProductDto>> FirstPage() => _catalog.Sender.Send(new ListTrashQuery());

    [Benchmark(Description = "Trash page 1,000 of 25 + count")]
    public Task<PagedResult<TrashedProductDto>> Page1000() => _catalog.Sender.Send(new ListTrashQuery(Page: 1_000));

    [Benchmark(Description = "Trash search 'maple pro' (selective), top 25 + count")]
    public Task<PagedResult<TrashedProductDto>> SearchSelective() => _catalog.Sender.Send(new ListTrashQuery("maple pro"));

    [Benchmark(Description = "Trash search 'graphite' (1 in 8), top 25 + count")]
    public Task<PagedResult<TrashedProductDto>> SearchBroad() => _catalog.Sender.Send(new ListTrashQuery("graphite"));

    [Benchmark(Description = "Products list page 1 of 50 by name (live only)")]
    public Task<PagedResult<ProductListItem>> LiveFirstPage() => _catalog.Sender.Send(new ListProductsQuery(PageSize: 50));
}
