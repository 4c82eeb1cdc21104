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

    public Product(string name, string sku, string? description, decimal price, int stock, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = Sku = string.Empty;
        Apply(name, sku, description, price, stock);
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

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: changes on every update, so a save based on an older read is refused.</summary>
    public long Version { get; private set; }

    public void Update(string name, string sku, string? description, decimal price, int stock, DateTimeOffset now)
    {
        Apply(name, sku, description, price, stock);
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }

    private void Apply(string name, string sku, string? description, decimal price, int stock)
    {
        var errors = new ValidationErrors();
        ProductRules.Check(name, sku, description, price, stock, errors);
        errors.ThrowIfAny();

        Name = ProductRules.NormalizeName(name);
        Sku = ProductRules.NormalizeSku(sku);
        Description = ProductRules.NormalizeDescription(description);
        Price = price;
        Stock = stock;
    }
}
