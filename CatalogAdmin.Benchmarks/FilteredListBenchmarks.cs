using BenchmarkDotNet.Attributes;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using Microsoft.Data.Sqlite;

namespace CatalogAdmin.Benchmarks;

/// <summary>
/// The list under its filters (status, category, none, low stock), alone and with a search, and the categories page,
/// at 1M generated products (about 10 % drafts, 5 % archived, 5 % low stock, 50 categories of ~19,000 products, 5 %
/// without one). Every request is page 1 of 50 with its total, as the list sends it.
/// </summary>
[MemoryDiagnoser]
public class FilteredListBenchmarks
{
    private CatalogFixture _catalog = null!;
    private Guid _category;

    /// <summary>1M products; FILTER_BENCHMARK_PRODUCTS sets another size (a quicker run).</summary>
    public static IEnumerable<int> Sizes =>
        [int.TryParse(Environment.GetEnvironmentVariable("FILTER_BENCHMARK_PRODUCTS"), out var size) ? size : 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _catalog = await CatalogFixture.OpenAsync(Products);
        _category = FirstCategory(_catalog.ConnectionString);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _catalog.DisposeAsync();

    [Benchmark(Description = "Status Draft, by name")]
    public Task<PagedResult<ProductListItem>> Draft() =>
        List(new ProductFilter(Status: ProductStatus.Draft));

    [Benchmark(Description = "Status Archived, by price desc")]
    public Task<PagedResult<ProductListItem>> ArchivedByPrice() =>
        List(new ProductFilter(Status: ProductStatus.Archived), ProductSortField.Price, descending: true);

    [Benchmark(Description = "Status Active, by updated desc")]
    public Task<PagedResult<ProductListItem>> ActiveByUpdated() =>
        List(new ProductFilter(Status: ProductStatus.Active), ProductSortField.UpdatedAt, descending: true);

    [Benchmark(Description = "Category, by name")]
    public Task<PagedResult<ProductListItem>> Category() =>
        List(new ProductFilter(CategoryId: _category));

    [Benchmark(Description = "Category, by price desc")]
    public Task<PagedResult<ProductListItem>> CategoryByPrice() =>
        List(new ProductFilter(CategoryId: _category), ProductSortField.Price, descending: true);

    [Benchmark(Description = "Category + Draft, by name")]
    public Task<PagedResult<ProductListItem>> CategoryDraft() =>
        List(new ProductFilter(Status: ProductStatus.Draft, CategoryId: _category));

    [Benchmark(Description = "Category + Archived, by SKU")]
    public Task<PagedResult<ProductListItem>> CategoryArchivedBySku() =>
        List(new ProductFilter(Status: ProductStatus.Archived, CategoryId: _category), ProductSortField.Sku);

    [Benchmark(Description = "Category + Active, by stock")]
    public Task<PagedResult<ProductListItem>> CategoryActiveByStock() =>
        List(new ProductFilter(Status: ProductStatus.Active, CategoryId: _category), ProductSortField.Stock);

    [Benchmark(Description = "No category, by name")]
    public Task<PagedResult<ProductListItem>> Uncategorized() =>
        List(new ProductFilter(Uncategorized: true));

    [Benchmark(Description = "Low stock, by name")]
    public Task<PagedResult<ProductListItem>> LowStock() =>
        List(new ProductFilter(LowStock: true));

    [Benchmark(Description = "Low stock + Draft, by price")]
    public Task<PagedResult<ProductListItem>> LowStockDraftByPrice() =>
        List(new ProductFilter(Status: ProductStatus.Draft, LowStock: true), ProductSortField.Price);

    [Benchmark(Description = "Category + low stock, by status")]
    public Task<PagedResult<ProductListItem>> CategoryLowStockByStatus() =>
        List(new ProductFilter(CategoryId: _category, LowStock: true), ProductSortField.Status);

    [Benchmark(Description = "Search 'graphite' + Active")]
    public Task<PagedResult<ProductListItem>> GraphiteActive() =>
        List(new ProductFilter("graphite", Status: ProductStatus.Active));

    [Benchmark(Description = "Search 'graphite' + Draft")]
    public Task<PagedResult<ProductListItem>> GraphiteDraft() =>
        List(new ProductFilter("graphite", Status: ProductStatus.Draft));

    [Benchmark(Description = "Search 'ireless' + Draft")]
    public Task<PagedResult<ProductListItem>> IrelessDraft() =>
        List(new ProductFilter("ireless", Status: ProductStatus.Draft));

    [Benchmark(Description = "Search 'maple pro' + Active")]
    public Task<PagedResult<ProductListItem>> MapleProActive() =>
        List(new ProductFilter("maple pro", Status: ProductStatus.Active));

    [Benchmark(Description = "Search 'graphite' + category")]
    public Task<PagedResult<ProductListItem>> GraphiteCategory() =>
        List(new ProductFilter("graphite", CategoryId: _category));

    [Benchmark(Description = "Search 'maple pro' + category")]
    public Task<PagedResult<ProductListItem>> MapleProCategory() =>
        List(new ProductFilter("maple pro", CategoryId: _category));

    [Benchmark(Description = "Search 'ireless' + low stock")]
    public Task<PagedResult<ProductListItem>> IrelessLowStock() =>
        List(new ProductFilter("ireless", LowStock: true));

    [Benchmark(Description = "Search 'ac' + Draft")]
    public Task<PagedResult<ProductListItem>> AcDraft() =>
        List(new ProductFilter("ac", Status: ProductStatus.Draft));

    [Benchmark(Description = "Search 'wireless pro' (no match) + Active")]
    public Task<PagedResult<ProductListItem>> NoMatchActive() =>
        List(new ProductFilter("wireless pro", Status: ProductStatus.Active));

    [Benchmark(Description = "Search 'graphite' + no category, by price desc")]
    public Task<PagedResult<ProductListItem>> GraphiteUncategorizedByPrice() =>
        List(new ProductFilter("graphite", Uncategorized: true), ProductSortField.Price, descending: true);

    [Benchmark(Description = "Categories page (50 categories with counts)")]
    public Task<IReadOnlyList<CategoryDto>> CategoriesPage() => _catalog.Sender.Send(new ListCategoriesQuery());

    private Task<PagedResult<ProductListItem>> List(ProductFilter filter, ProductSortField sortBy = ProductSortField.Name, bool descending = false) =>
        _catalog.Sender.Send(new ListProductsQuery(filter, sortBy, descending, PageSize: 50));

    /// <summary>The generator's first category by name (~19,000 products at 1M).</summary>
    internal static Guid FirstCategory(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Categories ORDER BY Name LIMIT 1";
        return Guid.Parse((string)command.ExecuteScalar()!);
    }
}
