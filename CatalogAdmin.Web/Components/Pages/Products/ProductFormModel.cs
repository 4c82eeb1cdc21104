using System.Globalization;
using CatalogAdmin.Core;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// What the user typed into the product form, as text, so nothing they type is lost to parsing.
/// The field rules are Core's own (<see cref="ProductRules"/>), so the form and the server agree.
/// </summary>
public sealed class ProductFormModel
{
    public string Name { get; set; } = string.Empty;
    public string Sku { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string Price { get; set; } = string.Empty;
    public string Stock { get; set; } = string.Empty;

    /// <summary>A new product starts as a draft, so a half-finished one is never on sale by accident.</summary>
    public ProductStatus Status { get; set; } = ProductStatus.Draft;

    public Guid? CategoryId { get; set; }

    public static ProductFormModel From(ProductFields fields, CultureInfo culture) => new()
    {
        Name = fields.Name,
        Sku = fields.Sku,
        Description = fields.Description ?? string.Empty,
        Price = fields.Price.ToString("0.00", culture),
        Stock = fields.Stock.ToString(culture),
        Status = fields.Status,
        CategoryId = fields.CategoryId,
    };

    /// <summary>The fields typed as text, checked as the user types.</summary>
    public static readonly string[] Fields = [nameof(Name), nameof(Sku), nameof(Description), nameof(Price), nameof(Stock)];

    /// <summary>Every field the server may report an error on (<see cref="ProductField"/>'s names).</summary>
    public static readonly string[] AllFields = Enum.GetNames<ProductField>();

    /// <summary>The message for a field's text under the product rules, or null when it is fine.</summary>
    public static string? ErrorFor(string field, string? text, CultureInfo culture) => field switch
    {
        nameof(Name) => ProductRules.NameError(text),
        nameof(Sku) => ProductRules.SkuError(text),
        nameof(Description) => ProductRules.DescriptionError(text),
        nameof(Price) => TypedNumber.TryParsePrice(text, culture, out var price, out var error) ? ProductRules.PriceError(price) : error,
        nameof(Stock) => TypedNumber.TryParseStock(text, culture, out var stock, out var error) ? ProductRules.StockError(stock) : error,
        _ => null,
    };

    public string Text(string field) => field switch
    {
        nameof(Name) => Name,
        nameof(Sku) => Sku,
        nameof(Description) => Description,
        nameof(Price) => Price,
        nameof(Stock) => Stock,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a product form field."),
    };

    public bool IsValid(CultureInfo culture) => Fields.All(field => ErrorFor(field, Text(field), culture) is null);

    /// <summary>The typed values as the product's fields; call only when <see cref="IsValid"/>.</summary>
    public ProductFields ToFields(CultureInfo culture) => new(Name, Sku, Description, ParsePrice(culture), ParseStock(culture), Status, CategoryId);

    /// <summary>What a valid price will be saved as ("Will be saved as $12.50"), or an example while the field is empty.</summary>
    public static string PricePreview(string? text, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(text) ? $"For example {19.99m.ToString("0.00", culture)}"
        : TypedNumber.TryParsePrice(text, culture, out var price, out _) && ProductRules.PriceError(price) is null
            ? $"Will be saved as {TypedNumber.FormatPrice(price, culture)}"
            : string.Empty;

    /// <summary>
    /// The fields whose meaning differs from <paramref name="other"/>'s: what is saved counts, not how it was typed
    /// (" Lamp" is "Lamp", "1,999.00" is "1999"); text that does not parse counts as changed unless it is the same text.
    /// </summary>
    public IReadOnlyList<ProductField> ChangedFrom(ProductFormModel other, CultureInfo culture)
    {
        var changed = new List<ProductField>();
        if (ProductRules.NormalizeName(Name) != ProductRules.NormalizeName(other.Name)) changed.Add(ProductField.Name);
        if (ProductRules.NormalizeSku(Sku) != ProductRules.NormalizeSku(other.Sku)) changed.Add(ProductField.Sku);
        if (ProductRules.NormalizeDescription(Description) != ProductRules.NormalizeDescription(other.Description)) changed.Add(ProductField.Description);
        if (!SameNumber(Price, other.Price, text => TypedNumber.TryParsePrice(text, culture, out var p, out _) ? p : null)) changed.Add(ProductField.Price);
        if (!SameNumber(Stock, other.Stock, text => TypedNumber.TryParseStock(text, culture, out var s, out _) ? s : null)) changed.Add(ProductField.Stock);
        if (Status != other.Status) changed.Add(ProductField.Status);
        if (CategoryId != other.CategoryId) changed.Add(ProductField.Category);
        return changed;
    }

    private static bool SameNumber(string mine, string theirs, Func<string, decimal?> parse) =>
        parse(mine) is { } a && parse(theirs) is { } b ? a == b : mine.Trim() == theirs.Trim();

    private decimal ParsePrice(CultureInfo culture) =>
        TypedNumber.TryParsePrice(Price, culture, out var price, out var error) ? price : throw new FormatException(error);

    private int ParseStock(CultureInfo culture) =>
        TypedNumber.TryParseStock(Stock, culture, out var stock, out var error) ? stock : throw new FormatException(error);

    /// <summary>A field's name as the form labels it.</summary>
    public static string Label(ProductField field) => field == ProductField.Sku ? "SKU" : field.ToString();
}
