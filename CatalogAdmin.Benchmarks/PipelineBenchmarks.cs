using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogAdmin.Benchmarks;

/// <summary>What MediatR and our pipeline (logging, authorization, validation) add to a list request.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private CatalogFixture _catalog = null!;
    private ListProductsHandler _handler = null!;
    private readonly ListProductsQuery _query = new(PageSize: 50);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _catalog = await CatalogFixture.OpenAsync(100_000);
        _handler = new ListProductsHandler(_catalog.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Handler called directly")]
    public Task<PagedResult<ProductListItem>> Direct() => _handler.Handle(_query, CancellationToken.None);

    [Benchmark(Description = "ISender.Send through the pipeline")]
    public Task<PagedResult<ProductListItem>> ThroughMediatR() => _catalog.Sender.Send(_query);
}
