using System.Globalization;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Tests.Infrastructure;

namespace CatalogAdmin.Tests.Products;

/// <summary>
/// What list tests share: generated products inserted directly (fast), every page of a query fetched, and the order the
/// handler must give, computed in memory from the products themselves.
/// </summary>
internal static class ProductLists
{
    private static readonly string[] Words = ["lamp", "Chair", "desk", "Cable", "mouse", "Monitor", "stand", "Hüb", "pen", "Mug", "Crème"];
    private static readonly decimal[] FixedPrices = [9.99m, 10.00m, 100.00m, 0m, 1_000_000m];

    /// <summary>
    /// Inserts generated products directly, with prices that include 9.99, 10.00 and 100.00 and many ties. With
    /// <paramref name="categories"/> each product also gets a status and one of the categories or none, at random.
    /// </summary>
    public static async Task<List<Product>> GenerateAsync(CatalogTestHost host, int count, IReadOnlyList<Guid>? categories = null)
    {
        var random = new Random(20261123);
        var spread = new Random(20261124); // its own sequence, so the names, prices and stock stay as they were without categories
        var start = host.Clock.GetUtcNow();
        var products = Enumerable.Range(0, count).Select(i => new Product(
            new ProductFields(
                $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {random.Next(50)}",
                $"GEN-{i:D5}",
                null,
                i < FixedPrices.Length ? FixedPrices[i] : random.Next(0, 20_000) / 100m,
                random.Next(0, 10),
                categories is null ? ProductStatus.Active : (ProductStatus)spread.Next(3),
                categories is null ? null : CategoryOrNone(categories, spread.Next(categories.Count + 1))),
            start.AddSeconds(random.Next(0, 600)))).ToList();

        await using var db = host.OpenDb();
        db.Products.AddRange(products);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return products;
    }

    private static Guid? CategoryOrNone(IReadOnlyList<Guid> categories, int pick) => pick < categories.Count ? categories[pick] : null;

    /// <summary>Every page of the query, one after another, until the last page the handler reports.</summary>
    public static async Task<List<ProductListItem>> AllPagesAsync(
        CatalogTestHost host, ProductFilter filter, ProductSortField sortBy, bool descending, int pageSize = 100)
    {
        var all = new List<ProductListItem>();
        for (var page = 1; ; page++)
        {
            var result = await host.SendAsync(new ListProductsQuery(filter, sortBy, descending, page, pageSize));
            all.AddRange(result.Items);
            if (page >= result.PageCount)
            {
                return all;
            }
        }
    }

    // SQLite stores a Guid as upper-case text; ties are broken in that text's order.
    public static string IdKey(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>The handler's order: the column (names and SKUs ignoring ASCII case, as NOCASE does), then the id.</summary>
    public static IEnumerable<Product> Sorted(IEnumerable<Product> products, ProductSortField sortBy, bool descending) => sortBy switch
    {
        ProductSortField.Name => Order(products, p => p.Name.ToUpperInvariant(), descending),
        ProductSortField.Sku => Order(products, p => p.Sku.ToUpperInvariant(), descending),
        ProductSortField.Price => Order(products, p => ((long)(p.Price * 100)).ToString("D12", CultureInfo.InvariantCulture), descending),
        ProductSortField.Stock => Order(products, p => p.Stock.ToString("D10", CultureInfo.InvariantCulture), descending),
        // By status in its lifecycle's order, then by name: one digit, a separator below every letter, the name.
        ProductSortField.Status => Order(products, p => $"{(int)p.Status}\u0001{p.Name.ToUpperInvariant()}", descending),
        _ => Order(products, p => p.UpdatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture), descending),
    };

    private static IEnumerable<Product> Order(IEnumerable<Product> products, Func<Product, string> key, bool descending) => descending
        ? products.OrderByDescending(key, StringComparer.Ordinal).ThenByDescending(p => IdKey(p.Id), StringComparer.Ordinal)
        : products.OrderBy(key, StringComparer.Ordinal).ThenBy(p => IdKey(p.Id), StringComparer.Ordinal);
}
