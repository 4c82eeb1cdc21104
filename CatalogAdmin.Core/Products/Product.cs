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

    /// <summary>When the product was moved to the trash; null while it is live (in the list, search and counts).</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Who moved the product to the trash.</summary>
    public string? DeletedBy { get; private set; }

    public bool IsInTrash => DeletedAt is not null;

    /// <summary>The editable fields as one value (not stored as such: each is its own column).</summary>
    public ProductFields Fields => new(Name, Sku, Description, Price, Stock, Status, CategoryId);

    public void Update(ProductFields fields, DateTimeOffset now)
    {
        Apply(fields);
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }

    /// <summary>
    /// Moves the product to the trash: it leaves the list, search and counts (the database's triggers follow DeletedAt)
    /// but keeps every value and its SKU until it is restored or purged. A new version, so a form opened before
    /// cannot save over it.
    /// </summary>
    public void MoveToTrash(string? by, DateTimeOffset at)
    {
        if (IsInTrash)
        {
            throw new InvalidOperationException($"Product {Id} is already in the trash.");
        }

        DeletedAt = at.ToUniversalTime();
        DeletedBy = by;
        Version++;
    }

    /// <summary>Brings the product back from the trash with all its values (its category is none if that was deleted meanwhile).</summary>
    public void Restore()
    {
        if (!IsInTrash)
        {
            throw new InvalidOperationException($"Product {Id} is not in the trash.");
        }

        DeletedAt = null;
        DeletedBy = null;
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
