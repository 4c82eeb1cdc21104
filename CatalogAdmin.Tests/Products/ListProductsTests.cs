using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using static CatalogAdmin.Tests.Products.ProductLists;

namespace CatalogAdmin.Tests.Products;

public class ListProductsTests : HandlerTest
{
    private const int GeneratedCount = 1_200;

    [Fact]
    public async Task Sorting_by_price_is_exact_to_the_cent_over_many_rows_in_both_directions()
    {
        var products = await GenerateAsync(GeneratedCount);

        var ascending = await AllPagesAsync(ProductSortField.Price, descending: false);
        var descending = await AllPagesAsync(ProductSortField.Price, descending: true);

        Assert.Equal(products.OrderBy(p => p.Price).ThenBy(p => IdKey(p.Id), StringComparer.Ordinal).Select(p => p.Id), ascending.Select(p => p.Id));
        Assert.Equal(products.OrderByDescending(p => p.Price).ThenByDescending(p => IdKey(p.Id), StringComparer.Ordinal).Select(p => p.Id), descending.Select(p => p.Id));
        var prices = ascending.Select(p => p.Price).ToList();
        Assert.True(prices.IndexOf(9.99m) < prices.IndexOf(10.00m) && prices.IndexOf(10.00m) < prices.IndexOf(100.00m));
    }

    [Theory]
    [InlineData(ProductSortField.Name, false)]
    [InlineData(ProductSortField.Name, true)]
    [InlineData(ProductSortField.Sku, false)]
    [InlineData(ProductSortField.Stock, true)]
    [InlineData(ProductSortField.UpdatedAt, false)]
    [InlineData(ProductSortField.UpdatedAt, true)]
    public async Task Every_sort_orders_by_its_column_with_ties_broken_by_id(ProductSortField sortBy, bool descending)
    {
        var products = await GenerateAsync(300);

        var listed = await AllPagesAsync(sortBy, descending);

        Assert.Equal(Sorted(products, sortBy, descending).Select(p => p.Id), listed.Select(p => p.Id));
    }

    // A broad search walks the sort order's index instead of sorting every match, and falls back to sorting when
    // the matches are bunched beyond its walk: "mouse" is spread through every order; the "Zulu marker" rows are
    // last by name and by SKU, so ascending pages by those need the fallback, descending ones do not. "marker 0" is
    // rare (10 of 1,260 products): its matches are read from the search index and sorted.
    [Theory]
    [InlineData(ProductSortField.Name, false)]
    [InlineData(ProductSortField.Name, true)]
    [InlineData(ProductSortField.Sku, false)]
    [InlineData(ProductSortField.Sku, true)]
    [InlineData(ProductSortField.Price, false)]
    [InlineData(ProductSortField.Price, true)]
    [InlineData(ProductSortField.Stock, false)]
    [InlineData(ProductSortField.Stock, true)]
    [InlineData(ProductSortField.UpdatedAt, false)]
    [InlineData(ProductSortField.UpdatedAt, true)]
    public async Task A_broad_or_rare_search_pages_exactly_like_sorting_all_its_matches(ProductSortField sortBy, bool descending)
    {
        var products = await GenerateAsync(GeneratedCount);
        var start = Host.Clock.GetUtcNow();
        var bunched = Enumerable.Range(0, 60).Select(i => new Product(new ProductFields($"Zulu marker {i:D2}", $"ZZ-MARK-{i:D2}", null, 5m + i, i % 7), start.AddSeconds(i))).ToList();
        await using (var db = Host.OpenDb())
        {
            db.Products.AddRange(bunched);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        products.AddRange(bunched);
        foreach (var search in new[] { "mouse", "MARK", "ouse m", "r 1", "marker 0" })
        {
            var matches = products.Where(p => p.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || p.Sku.Contains(search, StringComparison.OrdinalIgnoreCase));

            var listed = await AllPagesAsync(sortBy, descending, pageSize: 10, search);

            Assert.Equal(Sorted(matches, sortBy, descending).Select(p => p.Id), listed.Select(p => p.Id));
            Assert.Equal(matches.Count(), (await Host.SendAsync(new ListProductsQuery(new ProductFilter(search), PageSize: 10))).TotalCount);
        }
    }

    [Fact]
    public async Task Paging_returns_every_row_exactly_once_even_with_many_ties()
    {
        var products = await GenerateAsync(500);

        var first = await Host.SendAsync(new ListProductsQuery(SortBy: ProductSortField.Stock, PageSize: 37));
        var all = await AllPagesAsync(ProductSortField.Stock, descending: false, pageSize: 37);

        Assert.Equal(500, first.TotalCount);
        Assert.Equal(14, first.PageCount);
        Assert.Equal(500, all.Count);
        Assert.Equal(products.Select(p => p.Id).Order(), all.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_true_total()
    {
        await GenerateAsync(30);

        var page = await Host.SendAsync(new ListProductsQuery(Page: 99, PageSize: 10));

        Assert.Empty(page.Items);
        Assert.Equal(30, page.TotalCount);
    }

    [Fact]
    public async Task Search_matches_part_of_a_name_or_a_sku_ignoring_case()
    {
        await CreateAsync(sku: "DELL-XPS15", name: "Dell XPS 15 Laptop");
        await CreateAsync(sku: "LOGI-MX3", name: "Logitech mouse");
        await CreateAsync(sku: "CBL-USBC", name: "Braided cable");

        Assert.Equal(["Dell XPS 15 Laptop"], await NamesMatchingAsync("xps"));
        Assert.Equal(["Dell XPS 15 Laptop"], await NamesMatchingAsync("S 15 L"));
        Assert.Equal(["Logitech mouse"], await NamesMatchingAsync("gi-m"));
        Assert.Equal(["Braided cable"], await NamesMatchingAsync("  usbc  "));
        Assert.Empty(await NamesMatchingAsync("zebra"));
    }

    [Fact]
    public async Task Searches_shorter_than_three_characters_match_the_start_of_a_name_or_sku()
    {
        await CreateAsync(sku: "DELL-XPS15", name: "Dell XPS 15 Laptop");
        await CreateAsync(sku: "LOGI-MX3", name: "Logitech mouse");
        await CreateAsync(sku: "XL-CHAIR", name: "Office chair");

        Assert.Equal(["Dell XPS 15 Laptop"], await NamesMatchingAsync("de"));
        Assert.Equal(["Office chair"], await NamesMatchingAsync("xl"));
        Assert.Empty(await NamesMatchingAsync("ps")); // inside "XPS", but not at a start
    }

    [Fact]
    public async Task Search_stays_in_step_with_renames_and_deletes()
    {
        var id = await CreateAsync(sku: "LAMP-1", name: "Desk lamp");
        await Host.SendAsync(new UpdateProductCommand(id, new ProductFields("Floor light", "LIGHT-1", null, 1m, 1), 1));

        Assert.Empty(await NamesMatchingAsync("lamp"));
        Assert.Equal(["Floor light"], await NamesMatchingAsync("light-1"));
        // Totals come from the search index alone: they must follow renames and deletes too.
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery(new ProductFilter("lamp")))).TotalCount);
        Assert.Equal(1, (await Host.SendAsync(new ListProductsQuery(new ProductFilter("light-1")))).TotalCount);

        await Host.SendAsync(new DeleteProductCommand(id));
        Assert.Empty(await NamesMatchingAsync("floor"));
        Assert.Equal(0, (await Host.SendAsync(new ListProductsQuery(new ProductFilter("floor")))).TotalCount);
    }

    [Fact]
    public async Task The_query_tells_which_products_it_matches_by_the_same_rule_as_the_handler()
    {
        var products = await GenerateAsync(300);

        foreach (var search in new[] { "", "lamp", "MUG ", "sk 1", "GEN-0001", "d", "ch", "zebra", "%" })
        {
            var query = new ListProductsQuery(new ProductFilter(search), PageSize: 100);
            var listed = (await AllPagesAsync(ProductSortField.Name, descending: false, pageSize: 100, search)).Select(p => p.Id);

            Assert.Equal(products.Where(p => query.EffectiveFilter.Matches(p.Fields)).Select(p => p.Id).Order(), listed.Order());
        }
    }

    [Fact]
    public async Task Search_takes_like_wildcards_literally()
    {
        await CreateAsync(sku: "PCT-1", name: "100% cotton shirt");
        await CreateAsync(sku: "PCT-2", name: "1000 cotton shirts");
        await CreateAsync(sku: "UND-1", name: "snake_case mug");
        await CreateAsync(sku: "UND-2", name: "snakeXcase mug");

        Assert.Equal(["100% cotton shirt"], await NamesMatchingAsync("00% c"));
        Assert.Equal(["100% cotton shirt"], await NamesMatchingAsync("00%"));
        Assert.Equal(["snake_case mug"], await NamesMatchingAsync("e_c"));
        Assert.Empty(await NamesMatchingAsync("%"));
        Assert.Empty(await NamesMatchingAsync("\\"));
    }

    [Fact]
    public async Task The_total_count_is_of_the_matches_not_of_the_page()
    {
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync(sku: $"LAMP-{i}", name: $"Lamp {i}");
        }

        await CreateAsync(sku: "CHAIR-1", name: "Chair");

        var page = await Host.SendAsync(new ListProductsQuery(new ProductFilter("lamp"), PageSize: 5));

        Assert.Equal(5, page.Items.Count);
        Assert.Equal(12, page.TotalCount);
    }

    [Theory]
    [InlineData(0, 25, "Page")]
    [InlineData(-1, 25, "Page")]
    [InlineData(1, 0, "PageSize")]
    [InlineData(1, 101, "PageSize")]
    public async Task Out_of_range_paging_is_refused(int page, int pageSize, string property)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new ListProductsQuery(Page: page, PageSize: pageSize)));

        Assert.Equal([property], refused.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_sort_field_is_refused()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.SendAsync(new ListProductsQuery(SortBy: (ProductSortField)42)));

        Assert.Equal(["SortBy"], refused.Errors.Keys);
    }

    private async Task<List<string>> NamesMatchingAsync(string search) =>
        (await Host.SendAsync(new ListProductsQuery(new ProductFilter(search)))).Items.Select(p => p.Name).ToList();

    private Task<List<ProductListItem>> AllPagesAsync(ProductSortField sortBy, bool descending, int pageSize = 100, string? search = null) =>
        ProductLists.AllPagesAsync(Host, new ProductFilter(search), sortBy, descending, pageSize);

    private Task<List<Product>> GenerateAsync(int count) => ProductLists.GenerateAsync(Host, count);
}
