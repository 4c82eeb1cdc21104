namespace CatalogAdmin.Core.Products;

/// <summary>
/// Which products a list shows: the search text and the filters beside it. Export and bulk actions ("all matching")
/// take the same value, so each means exactly what the list showed.
/// </summary>
/// <param name="Search">Part of the name or SKU, ignoring case, its characters taken literally.</param>
/// <param name="Status">Only products in this status; null for any.</param>
/// <param name="CategoryId">Only products in this category; null for any.</param>
/// <param name="Uncategorized">Only products without a category (not with <paramref name="CategoryId"/>).</param>
/// <param name="LowStock">Only products with stock under <see cref="ProductRules.LowStockThreshold"/>.</param>
public sealed record ProductFilter(
    string? Search = null,
    ProductStatus? Status = null,
    Guid? CategoryId = null,
    bool Uncategorized = false,
    bool LowStock = false)
{
    public const int MaxSearchLength = 200;

    public static ProductFilter All { get; } = new();

    /// <summary>The search text trimmed, or null when there is none.</summary>
    public string? SearchText => Search?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>True when only the search (or nothing) narrows the list.</summary>
    public bool HasNoFiltersBesideSearch => Status is null && CategoryId is null && !Uncategorized && !LowStock;

    /// <summary>
    /// Whether a product with these values is among the filter's matches: the handler's rule, for an open list to tell
    /// whether a change made elsewhere concerns it.
    /// </summary>
    public bool Matches(ProductFields product) =>
        (Status is null || product.Status == Status)
        && (CategoryId is null || product.CategoryId == CategoryId)
        && (!Uncategorized || product.CategoryId is null)
        && (!LowStock || product.Stock < ProductRules.LowStockThreshold)
        && MatchesSearch(product.Name, product.Sku);

    /// <summary>
    /// Three characters or more (after folding): any part of the name or SKU. Fewer: the start of any word of either,
    /// or, for text that is not letters or digits (e.g. "%"), the start of the name or SKU. Case and accents never
    /// matter; every character is taken literally.
    /// </summary>
    private bool MatchesSearch(string name, string sku)
    {
        if (SearchText is not { } search)
        {
            return true;
        }

        var folded = ProductSearchText.Fold(search);
        var key = ProductSearchText.KeyOf(name, sku);
        if (folded.Any(char.IsControl))
        {
            return false; // names and SKUs have none
        }

        if (folded.Length >= ProductSelection.SubstringSearchMinLength)
        {
            return key.Contains(folded, StringComparison.Ordinal);
        }

        return folded.All(ProductSearchText.IsWordCharacter)
            ? ProductSearchText.HasWordStartingWith(key, folded)
            : name.StartsWith(search, StringComparison.OrdinalIgnoreCase) || sku.StartsWith(search, StringComparison.OrdinalIgnoreCase);
    }
}
