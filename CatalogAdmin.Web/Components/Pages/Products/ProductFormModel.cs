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
        nameof(Price) => TryParsePrice(text, culture, out var price) ? ProductRules.PriceError(price) : PriceFormatError(text),
        nameof(Stock) => TryParseStock(text, culture, out var stock) ? ProductRules.StockError(stock) : StockFormatError(text),
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

    private decimal ParsePrice(CultureInfo culture) =>
        TryParsePrice(Price, culture, out var price) ? price : throw new FormatException(PriceFormatError(Price));

    private int ParseStock(CultureInfo culture) =>
        TryParseStock(Stock, culture, out var stock) ? stock : throw new FormatException(StockFormatError(Stock));

    private static string PriceFormatError(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Price is required." : "Price must be a number, for example 19.99.";

    private static string StockFormatError(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Stock is required." : "Stock must be a whole number, for example 12.";

    private static bool TryParsePrice(string? text, CultureInfo culture, out decimal price) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Number, culture, out price);

    private static bool TryParseStock(string? text, CultureInfo culture, out int stock) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer | NumberStyles.AllowThousands, culture, out stock);
}
