using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Benchmarks;

/// <summary>The common tutorial handler (load every row, page in memory) against ours, at 100,000 products.</summary>
[MemoryDiagnoser]
public class TutorialBaselineBenchmarks
{
    private CatalogFixture _catalog = null!;
    private IDbContextFactory<CatalogDbContext> _dbFactory = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _catalog = await CatalogFixture.OpenAsync(100_000);
        _dbFactory = _catalog.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Tutorial: load all, sort and page in memory")]
    public async Task<PagedResult<ProductListItem>> LoadAllThenPage()
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var all = await db.Products.ToListAsync();
        var page = all.OrderByDescending(p => p.Price).Skip(0).Take(50)
            .Select(p => new ProductListItem(p.Id, p.Name, p.Sku, p.Price, p.Stock, ProductStatus.Active, null, null, p.UpdatedAt)).ToList();
        return new PagedResult<ProductListItem>(page, all.Count, 1, 50);
    }

    [Benchmark(Description = "CatalogAdmin: ListProductsQuery by price desc")]
    public Task<PagedResult<ProductListItem>> Ours() =>
        _catalog.Sender.Send(new ListProductsQuery(SortBy: ProductSortField.Price, Descending: true, PageSize: 50));
}
