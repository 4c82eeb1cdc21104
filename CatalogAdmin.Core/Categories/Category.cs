namespace CatalogAdmin.Core.Categories;

/// <summary>
/// A group of products (a product has at most one). Its name is unique ignoring case: <see cref="NormalizedName"/>
/// (trimmed, upper-case, any alphabet) carries the unique index. <see cref="ProductCount"/> is kept by the database's
/// triggers, so the categories page shows counts without counting a million products.
/// </summary>
public sealed class Category
{
    // For EF Core, which sets the properties from the stored row.
    private Category()
    {
        Name = NormalizedName = string.Empty;
    }

    public Category(string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = NormalizedName = string.Empty;
        CreatedAt = now.ToUniversalTime();
        Rename(name);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string NormalizedName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int ProductCount { get; private set; }

    public void Rename(string name)
    {
        if (CategoryRules.NameError(name) is { } error)
        {
            throw new RequestValidationException(nameof(Name), error);
        }

        Name = CategoryRules.NormalizeName(name);
        NormalizedName = CategoryRules.Key(name);
    }
}
