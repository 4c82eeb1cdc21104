namespace CatalogAdmin.Core.Products;

/// <summary>
/// A product in the catalog. It only ever holds valid, normalised values: the constructor and
/// <see cref="Update"/> check <see cref="ProductRules"/> and refuse anything else.
/// </summary>
public sealed class Product
{
    // For EF Core, which sets the properties from the stored row.
    private Product()
    {
        Name = Sku = string.Empty;
    }

    public Product(ProductFields fields, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = Sku = string.Empty;
        Apply(fields);
        CreatedAt = UpdatedAt = now.ToUniversalTime();
        Version = 1;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Stored upper-case, so uniqueness ignores case.</summary>
    public string Sku { get; private set; }

    public string? Description { get; private set; }

    public decimal Price { get; private set; }

    public int Stock { get; private set; }

    public ProductStatus Status { get; private set; }

    public Guid? CategoryId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Name and SKU folded for search (<see cref="ProductSearchText.KeyOf"/>); the search indexes are built on it.</summary>
    public string SearchKey { get; private set; } = string.Empty;

    /// <summary>Concurrency token: changes on every update, so a save based on an older read is refused.</summary>
    public long Version { get; private set; }

    /// <summary>The editable fields as one value (not stored as such: each is its own column).</summary>
    public ProductFields Fields => new(Name, Sku, Description, Price, Stock, Status, CategoryId);

    public void Update(ProductFields fields, DateTimeOffset now)
    {
        Apply(fields);
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }

    private void Apply(ProductFields fields)
    {
        var errors = new ValidationErrors();
        ProductRules.Check(fields, errors);
        errors.ThrowIfAny();

        var normalized = fields.Normalized();
        Name = normalized.Name;
        Sku = normalized.Sku;
        Description = normalized.Description;
        Price = normalized.Price;
        Stock = normalized.Stock;
        Status = normalized.Status;
        CategoryId = normalized.CategoryId;
        SearchKey = ProductSearchText.KeyOf(Name, Sku);
    }
}
