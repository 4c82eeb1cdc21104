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

    public static ProductFormModel From(ProductDto product, CultureInfo culture) => new()
    {
        Name = product.Name,
        Sku = product.Sku,
        Description = product.Description ?? string.Empty,
        Price = product.Price.ToString("0.00", culture),
        Stock = product.Stock.ToString(culture),
    };

    /// <summary>The message for one field under the product rules, or null when it is fine.</summary>
    public string? ErrorFor(string field, CultureInfo culture) => field switch
    {
        nameof(Name) => ProductRules.NameError(Name),
        nameof(Sku) => ProductRules.SkuError(Sku),
        nameof(Description) => ProductRules.DescriptionError(Description),
        nameof(Price) => TryParsePrice(culture, out var price) ? ProductRules.PriceError(price) : PriceFormatError(),
        nameof(Stock) => TryParseStock(culture, out var stock) ? ProductRules.StockError(stock) : StockFormatError(),
        _ => null,
    };

    public static readonly string[] Fields = [nameof(Name), nameof(Sku), nameof(Description), nameof(Price), nameof(Stock)];

    public bool IsValid(CultureInfo culture) => Fields.All(field => ErrorFor(field, culture) is null);

    public CreateProductCommand ToCreateCommand(CultureInfo culture) =>
        new(Name, Sku, Description, ParsePrice(culture), ParseStock(culture));

    public UpdateProductCommand ToUpdateCommand(Guid id, long version, CultureInfo culture) =>
        new(id, Name, Sku, Description, ParsePrice(culture), ParseStock(culture), version);

    private string? PriceFormatError() =>
        string.IsNullOrWhiteSpace(Price) ? "Price is required." : "Price must be a number, for example 19.99.";

    private string? StockFormatError() =>
        string.IsNullOrWhiteSpace(Stock) ? "Stock is required." : "Stock must be a whole number, for example 12.";

    private bool TryParsePrice(CultureInfo culture, out decimal price) =>
        decimal.TryParse(Price.Trim(), NumberStyles.Number, culture, out price);

    private bool TryParseStock(CultureInfo culture, out int stock) =>
        int.TryParse(Stock.Trim(), NumberStyles.Integer | NumberStyles.AllowThousands, culture, out stock);

    private decimal ParsePrice(CultureInfo culture) =>
        TryParsePrice(culture, out var price) ? price : throw new FormatException(PriceFormatError());

    private int ParseStock(CultureInfo culture) =>
        TryParseStock(culture, out var stock) ? stock : throw new FormatException(StockFormatError());
}
