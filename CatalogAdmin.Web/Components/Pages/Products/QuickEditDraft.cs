using System.Globalization;
using CatalogAdmin.Core.Bulk;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Web.Components.Pages.Products;

/// <summary>
/// One row's edits in quick edit: the values as typed (numbers as text, so a half-typed price shows its message in
/// the cell instead of being lost), against the row as the list read it, with its version.
/// </summary>
public sealed class QuickEditDraft(ProductListItem original, CultureInfo culture)
{
    /// <summary>The cells quick edit offers, in the grid's order (Tab moves along them).</summary>
    public static readonly ProductField[] Fields = [ProductField.Name, ProductField.Price, ProductField.Stock, ProductField.Status, ProductField.Category];

    private readonly Dictionary<ProductField, string> _serverErrors = [];

    public ProductListItem Original { get; private set; } = original;

    public string Name { get; set; } = original.Name;

    public string Price { get; set; } = FormatPrice(original.Price, culture);

    public string Stock { get; set; } = original.Stock.ToString(CultureInfo.InvariantCulture);

    public ProductStatus Status { get; set; } = original.Status;

    public Guid? CategoryId { get; set; } = original.CategoryId;

    /// <summary>Someone else saved the product since the list read it: their values (null values when they deleted it).</summary>
    public QuickEditConflict? Conflict { get; set; }

    public bool HasChanges => Fields.Any(IsChanged);

    public bool HasErrors => Fields.Any(f => Error(f) is not null);

    public static string FormatPrice(decimal price, CultureInfo culture) => price.ToString("0.00", culture);

    public string Text(ProductField field) => field switch
    {
        ProductField.Name => Name,
        ProductField.Price => Price,
        ProductField.Stock => Stock,
        ProductField.Status => Status.ToString(),
        ProductField.Category => CategoryId?.ToString() ?? string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public void SetText(ProductField field, string? text)
    {
        text ??= string.Empty;
        _serverErrors.Remove(field);
        switch (field)
        {
            case ProductField.Name: Name = text; break;
            case ProductField.Price: Price = text; break;
            case ProductField.Stock: Stock = text; break;
            case ProductField.Status: Status = Enum.TryParse<ProductStatus>(text, out var status) ? status : Status; break;
            case ProductField.Category: CategoryId = Guid.TryParse(text, out var id) ? id : null; break;
        }
    }

    public bool IsChanged(ProductField field) => field switch
    {
        ProductField.Name => Name != Original.Name,
        ProductField.Price => ParsePrice() is not { } price || price != Original.Price,
        ProductField.Stock => ParseStock() is not { } stock || stock != Original.Stock,
        ProductField.Status => Status != Original.Status,
        ProductField.Category => CategoryId != Original.CategoryId,
        _ => false,
    };

    /// <summary>Esc: the cell goes back to the value the list read.</summary>
    public void Revert(ProductField field)
    {
        var fresh = new QuickEditDraft(Original, culture);
        SetText(field, fresh.Text(field));
    }

    /// <summary>The cell's message: text that is not a number, then the product's own rules, then what the server said.</summary>
    public string? Error(ProductField field)
    {
        if (field == ProductField.Price && ParsePrice() is null)
        {
            return "Price must be a number, e.g. 24.99.";
        }

        if (field == ProductField.Stock && ParseStock() is null)
        {
            return "Stock must be a whole number.";
        }

        if (ToFields() is { } fields && fields.Errors().TryGetValue(field, out var message))
        {
            return message;
        }

        return _serverErrors.GetValueOrDefault(field);
    }

    public void AddServerError(ProductField field, string message) => _serverErrors[field] = message;

    public QuickEditFields? ToFields() =>
        ParsePrice() is { } price && ParseStock() is { } stock ? new QuickEditFields(Name, price, stock, Status, CategoryId) : null;

    public QuickEditRow? ToRow() => ToFields() is { } fields ? new QuickEditRow(Original.Id, Original.Version, fields) : null;

    /// <summary>After "Overwrite": their version becomes the one this row is saved over.</summary>
    public void TakeVersion(long version)
    {
        Original = Original with { Version = version };
        Conflict = null;
    }

    private decimal? ParsePrice() =>
        decimal.TryParse(Price.Trim(), NumberStyles.Number | NumberStyles.AllowCurrencySymbol, culture, out var price) ? price : null;

    private int? ParseStock() =>
        int.TryParse(Stock.Trim(), NumberStyles.Integer | NumberStyles.AllowThousands, culture, out var stock) ? stock : null;
}
