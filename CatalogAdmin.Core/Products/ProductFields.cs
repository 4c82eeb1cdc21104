namespace CatalogAdmin.Core.Products;

/// <summary>
/// The fields of a product that staff edit, as one value. Create and update commands carry it, the entity holds it,
/// the form edits it, and a conflict compares it field by field. Adding a field means adding it here (and to
/// <see cref="ProductField"/>), to <see cref="ProductRules"/>, to the mapping, to the form and to a migration.
/// </summary>
public sealed record ProductFields(
    string Name,
    string Sku,
    string? Description,
    decimal Price,
    int Stock,
    ProductStatus Status = ProductStatus.Active,
    Guid? CategoryId = null)
{
    /// <summary>The values as they are stored: trimmed, the SKU in capitals, an empty description as none.</summary>
    public ProductFields Normalized() => this with
    {
        Name = ProductRules.NormalizeName(Name),
        Sku = ProductRules.NormalizeSku(Sku),
        Description = ProductRules.NormalizeDescription(Description),
    };

    public object? Value(ProductField field) => field switch
    {
        ProductField.Name => Name,
        ProductField.Sku => Sku,
        ProductField.Description => Description,
        ProductField.Price => Price,
        ProductField.Stock => Stock,
        ProductField.Status => Status,
        ProductField.Category => CategoryId,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a product field."),
    };

    /// <summary>This value with one field taken from <paramref name="source"/>.</summary>
    public ProductFields With(ProductField field, ProductFields source) => field switch
    {
        ProductField.Name => this with { Name = source.Name },
        ProductField.Sku => this with { Sku = source.Sku },
        ProductField.Description => this with { Description = source.Description },
        ProductField.Price => this with { Price = source.Price },
        ProductField.Stock => this with { Stock = source.Stock },
        ProductField.Status => this with { Status = source.Status },
        ProductField.Category => this with { CategoryId = source.CategoryId },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a product field."),
    };

    /// <summary>The fields whose values differ from <paramref name="other"/>'s, in the order of <see cref="ProductField"/>.</summary>
    public IReadOnlyList<ProductField> DifferencesFrom(ProductFields other) =>
        Enum.GetValues<ProductField>().Where(field => !Equals(Value(field), other.Value(field))).ToList();
}

/// <summary>
/// One editable field of a product. The names are those of <see cref="ProductFields"/>'s properties, except
/// <see cref="Category"/> for <see cref="ProductFields.CategoryId"/>: validation messages are keyed by these names.
/// </summary>
public enum ProductField
{
    Name,
    Sku,
    Description,
    Price,
    Stock,
    Status,
    Category,
}
