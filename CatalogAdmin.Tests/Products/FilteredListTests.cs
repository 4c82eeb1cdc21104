using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;
using static CatalogAdmin.Tests.Products.ProductLists;

namespace CatalogAdmin.Tests.Products;

/// <summary>The list's filters (status, category or none, low stock), alone and together, with and without a search.</summary>
public class FilteredListTests : HandlerTest
{
    private const int GeneratedCount = 600;

    // A substring search (spread through every order), a prefix search (under three characters), one that spans a space,
    // and a rare one (under 1 product in 100), whose few matches the list reads from the search index and sorts.
    private static readonly string?[] Searches = [null, "lamp", "de", "ug 1", "gen-00012"];

    public static TheoryData<ProductSortField, bool> EverySort()
    {
        var data = new TheoryData<ProductSortField, bool>();
        foreach (var field in Enum.GetValues<ProductSortField>())
        {
            data.Add(field, false);
            data.Add(field, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySort))]
    public async Task Every_filter_with_and_without_search_pages_exactly_like_sorting_all_its_matches(ProductSortField sortBy, bool descending)
    {
        var (categories, products) = await ArrangeAsync();

        foreach (var filter in FiltersWithSearches(categories))
        {
            var matches = products.Where(p => IsMatch(filter, p)).ToList();

            var listed = await AllPagesAsync(Host, filter, sortBy, descending, pageSize: 17);
            var first = await Host.SendAsync(new ListProductsQuery(filter, sortBy, descending, Page: 1, PageSize: 17));

            Assert.True(Sorted(matches, sortBy, descending).Select(p => p.Id).SequenceEqual(listed.Select(p => p.Id)), $"Pages differ from sorting all matches for {filter}.");
            Assert.Equal(matches.Count, first.TotalCount);
            Assert.False(first.TotalIsLowerBound);
        }
    }

    [Fact]
    public async Task The_filters_rule_for_live_refresh_agrees_with_the_handler_for_every_combination()
    {
        var (categories, products) = await ArrangeAsync();
        var statuses = new ProductStatus?[] { null, ProductStatus.Draft, ProductStatus.Active, ProductStatus.Archived };
        var categoryChoices = new (Guid? Id, bool None)[] { (null, false), (categories[0], false), (categories[1], false), (null, true) };
        var combinations = 0;

        foreach (var search in Searches.Append("MUG ").Append("zebra").Append("%"))
        foreach (var status in statuses)
        foreach (var (categoryId, none) in categoryChoices)
        foreach (var lowStock in new[] { false, true })
        {
            var filter = new ProductFilter(search, status, categoryId, none, lowStock);
            var listed = await AllPagesAsync(Host, filter, ProductSortField.Name, descending: false);

            Assert.True(
                products.Where(p => filter.Matches(p.Fields)).Select(p => p.Id).Order().SequenceEqual(listed.Select(p => p.Id).Order()),
                $"Matches and the handler disagree for {filter}.");
            combinations++;
        }

        Assert.Equal(8 * 4 * 4 * 2, combinations);
    }

    [Fact]
    public async Task A_filtered_list_shows_each_products_category_name()
    {
        var (categories, products) = await ArrangeAsync();
        var names = (await Host.SendAsync(new ListCategoriesQuery())).ToDictionary(c => c.Id, c => c.Name);

        var listed = await AllPagesAsync(Host, new ProductFilter(CategoryId: categories[2], LowStock: true), ProductSortField.Price, descending: true);

        Assert.NotEmpty(listed);
        Assert.All(listed, item => Assert.Equal((categories[2], names[categories[2]]), (item.CategoryId, item.CategoryName)));
        Assert.All(
            await AllPagesAsync(Host, new ProductFilter(Uncategorized: true), ProductSortField.Name, descending: false),
            item => Assert.Equal((null, null), (item.CategoryId, item.CategoryName)));
        Assert.Equal(products.Count(p => p.CategoryId is null), (await Host.SendAsync(new ListProductsQuery(new ProductFilter(Uncategorized: true)))).TotalCount);
    }

    /// <summary>Three categories, and products spread over them (and none), every status and stock 0–9.</summary>
    private async Task<(IReadOnlyList<Guid> Categories, List<Product> Products)> ArrangeAsync()
    {
        var categories = new List<Guid>();
        foreach (var name in new[] { "Lighting", "Furniture", "Cables" })
        {
            categories.Add(await Host.SendAsync(new CreateCategoryCommand(name)));
        }

        return (categories, await GenerateAsync(Host, GeneratedCount, categories));
    }

    /// <summary>Each filter alone, some together, each with every search.</summary>
    private static IEnumerable<ProductFilter> FiltersWithSearches(IReadOnlyList<Guid> categories)
    {
        ProductFilter[] filters =
        [
            new(),
            new(Status: ProductStatus.Draft),
            new(Status: ProductStatus.Archived),
            new(CategoryId: categories[0]),
            new(Uncategorized: true),
            new(LowStock: true),
            new(Status: ProductStatus.Active, CategoryId: categories[1]),
            new(Status: ProductStatus.Draft, CategoryId: categories[0], LowStock: true),
            new(Status: ProductStatus.Archived, Uncategorized: true, LowStock: true),
        ];
        return filters.SelectMany(filter => Searches.Select(search => filter with { Search = search }));
    }

    /// <summary>The list's rule (3 characters or more: any part of the name or SKU; fewer: the start of a word; accents and case folded), written out here (not <see cref="ProductFilter.Matches"/>), so the two are checked against each other.</summary>
    private static bool IsMatch(ProductFilter filter, Product product)
    {
        var search = filter.Search?.Trim() is { Length: > 0 } text ? ProductSearchText.Fold(text) : null;
        var fields = new[] { ProductSearchText.Fold(product.Name), ProductSearchText.Fold(product.Sku) };
        var found = search is null
            || (search.Length >= 3
                ? fields.Any(f => f.Contains(search, StringComparison.Ordinal))
                : fields.SelectMany(f => Words(f)).Any(word => word.StartsWith(search, StringComparison.Ordinal)));
        return found
            && (filter.Status is null || product.Status == filter.Status)
            && (filter.CategoryId is null || product.CategoryId == filter.CategoryId)
            && (!filter.Uncategorized || product.CategoryId is null)
            && (!filter.LowStock || product.Stock < ProductRules.LowStockThreshold);
    }

    /// <summary>The runs of letters and digits in folded text: "desk chair 12" gives desk, chair, 12.</summary>
    private static IEnumerable<string> Words(string folded) =>
        System.Text.RegularExpressions.Regex.Split(folded, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0);
}
