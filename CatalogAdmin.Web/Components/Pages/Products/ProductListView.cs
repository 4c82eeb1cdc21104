using System.Globalization;
using CatalogAdmin.Core.Products;
using Microsoft.AspNetCore.WebUtilities;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// What the products list shows: search, filters, sort and page. It lives in the URL's query string
/// (?q=mug&amp;status=active&amp;category=…&amp;low=true&amp;sort=price&amp;desc=true&amp;page=2&amp;size=50) so refresh, back
/// and shared links restore it. Values from the URL are clamped to ones the list can show, never refused.
/// </summary>
public sealed record ProductListView(
    string Search,
    ProductSortField SortBy,
    bool Descending,
    int Page,
    int PageSize,
    ProductStatus? Status = null,
    Guid? CategoryId = null,
    bool Uncategorized = false,
    bool LowStock = false)
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int DefaultPageSize = 25;

    /// <summary>The URL's value for "products without a category".</summary>
    public const string NoCategoryKey = "none";

    public static ProductListView Default { get; } = new(string.Empty, ProductSortField.Name, false, 1, DefaultPageSize);

    /// <summary>
    /// The view a URL asks for. The values arrive as typed into the address bar, so anything that does not
    /// parse (desc=maybe, page=abc, page=99999999999, status=sold, category=x) falls back to the default
    /// instead of failing the page.
    /// </summary>
    public static ProductListView FromQuery(
        string? search, string? sort, string? descending, string? page, string? pageSize,
        string? status = null, string? category = null, string? lowStock = null) => new(
        Clip(search?.Trim() ?? string.Empty),
        ParseSort(sort),
        bool.TryParse(descending, out var desc) && desc,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= MaxPage ? number : 1,
        int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : DefaultPageSize,
        ParseStatus(status),
        Guid.TryParse(category, out var categoryId) ? categoryId : null,
        string.Equals(category, NoCategoryKey, StringComparison.OrdinalIgnoreCase),
        bool.TryParse(lowStock, out var low) && low);

    /// <summary>The deepest page a URL may ask for: (page - 1) × the largest page size stays far inside an int.</summary>
    public const int MaxPage = 1_000_000;

    public ProductFilter ToFilter() =>
        new(Search.Length == 0 ? null : Search, Status, CategoryId, Uncategorized, LowStock);

    public ListProductsQuery ToQuery() => new(ToFilter(), SortBy, Descending, Page, PageSize);

    /// <summary>
    /// The address of this view's CSV file: the same search, filters and sort, every page (served by
    /// <see cref="Csv.CsvEndpoints"/>, which reads the same query string).
    /// </summary>
    public string ToExportUri() => (this with { Page = 1, PageSize = DefaultPageSize }).ToUri(Csv.CsvEndpoints.ProductsExportPath.TrimStart('/'));

    /// <summary>The list's address for this view; defaults are left out to keep links short.</summary>
    public string ToUri() => ToUri("products");

    private string ToUri(string path)
    {
        var query = new Dictionary<string, string?>();
        if (Search.Length > 0) query["q"] = Search;
        if (Status is { } status) query["status"] = StatusKey(status);
        if (CategoryId is { } categoryId) query["category"] = categoryId.ToString();
        if (Uncategorized) query["category"] = NoCategoryKey;
        if (LowStock) query["low"] = "true";
        if (SortBy != ProductSortField.Name) query["sort"] = SortKey(SortBy);
        if (Descending) query["desc"] = "true";
        if (Page != 1) query["page"] = Page.ToString(CultureInfo.InvariantCulture);
        if (PageSize != DefaultPageSize) query["size"] = PageSize.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(path, query);
    }

    public static string SortKey(ProductSortField field) => field switch
    {
        ProductSortField.UpdatedAt => "updated",
        _ => field.ToString().ToLowerInvariant(),
    };

    public static string StatusKey(ProductStatus status) => status.ToString().ToLowerInvariant();

    private static ProductSortField ParseSort(string? sort) =>
        Enum.GetValues<ProductSortField>().FirstOrDefault(f => string.Equals(SortKey(f), sort, StringComparison.OrdinalIgnoreCase));

    private static ProductStatus? ParseStatus(string? status) =>
        Enum.GetValues<ProductStatus>().Cast<ProductStatus?>().FirstOrDefault(s => string.Equals(StatusKey(s!.Value), status, StringComparison.OrdinalIgnoreCase));

    private static string Clip(string search) => search.Length > ProductFilter.MaxSearchLength ? search[..ProductFilter.MaxSearchLength] : search;
}
