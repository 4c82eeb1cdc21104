using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Products;

/// <summary>
/// A filtered list counts its matches by reading rows only up to <see cref="ProductSelection.RowCountLimit"/>: past it the
/// total is a lower bound, and the next page still exists; at or under it the total is exact.
/// </summary>
public class ListCountLimitTests : HandlerTest
{
    private const int Limit = ProductSelection.RowCountLimit;
    private const int PageSize = 25;

    [Fact]
    public async Task Past_the_limit_the_total_is_a_lower_bound_with_a_next_page_and_at_or_under_it_the_total_is_exact()
    {
        var drafts = await InsertAsync(Limit + 1, ProductStatus.Draft, "Bulk draft", "BD");
        await InsertAsync(30, ProductStatus.Active, "Bulk active", "BA");
        var draftFilter = new ProductFilter(Status: ProductStatus.Draft);

        var first = await ListAsync(draftFilter, page: 1);
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(Limit, first.TotalCount);
        Assert.True(first.PageCount > 1);
        Assert.Equal(PageSize, first.Items.Count);

        // Combined with a search, counted the same way.
        var searched = await ListAsync(draftFilter with { Search = "bulk" }, page: 1);
        Assert.Equal((Limit, true), (searched.TotalCount, searched.TotalIsLowerBound));

        // The page that ends at the limit finds the match past it, so "next" works and the last page is reachable.
        var atLimit = await ListAsync(draftFilter, page: Limit / PageSize);
        Assert.Equal(PageSize, atLimit.Items.Count);
        Assert.True(atLimit.PageCount > atLimit.Page);
        var last = await ListAsync(draftFilter, page: Limit / PageSize + 1);
        Assert.Equal((Limit + 1, false), (last.TotalCount, last.TotalIsLowerBound));
        Assert.Equal([drafts[^1].Id], last.Items.Select(p => p.Id)); // "Bulk draft 01000", last by name

        // Under the limit: exact.
        var lowStock = await ListAsync(draftFilter with { LowStock = true }, page: 1);
        Assert.Equal((drafts.Count(p => p.Stock < ProductRules.LowStockThreshold), false), (lowStock.TotalCount, lowStock.TotalIsLowerBound));
        var active = await ListAsync(new ProductFilter(Status: ProductStatus.Active), page: 1);
        Assert.Equal((30, false), (active.TotalCount, active.TotalIsLowerBound));

        // Exactly at the limit: exact too.
        await using (var db = Host.OpenDb())
        {
            var one = drafts[0].Id;
            await db.Products.Where(p => p.Id == one).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var exactly = await ListAsync(draftFilter, page: 1);
        Assert.Equal((Limit, false), (exactly.TotalCount, exactly.TotalIsLowerBound));
        Assert.Equal(Limit / PageSize, exactly.PageCount);
    }

    private Task<CatalogAdmin.Core.PagedResult<ProductListItem>> ListAsync(ProductFilter filter, int page) =>
        Host.SendAsync(new ListProductsQuery(filter, ProductSortField.Name, Descending: false, page, PageSize));

    /// <summary>Inserts directly (one save), as a large catalog would already hold them.</summary>
    private async Task<List<Product>> InsertAsync(int count, ProductStatus status, string name, string skuPrefix)
    {
        var now = Host.Clock.GetUtcNow();
        var products = Enumerable.Range(0, count)
            .Select(i => new Product(new ProductFields($"{name} {i:D5}", $"{skuPrefix}-{i:D5}", null, 1m + i % 100, i % 10, status), now))
            .ToList();
        await using var db = Host.OpenDb();
        db.Products.AddRange(products);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return products;
    }
}
