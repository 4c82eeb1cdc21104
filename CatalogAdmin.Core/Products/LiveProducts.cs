namespace CatalogAdmin.Core.Products;

/// <summary>
/// Which products a query means. There is no global query filter on trashed products (raw SQL would not see it):
/// every query of the catalog's products says <see cref="Live"/>, and the trash's own queries <see cref="InTrash"/>.
/// </summary>
public static class LiveProducts
{
    /// <summary>Products not in the trash: the ones the list, search, counts and details show.</summary>
    public static IQueryable<Product> Live(this IQueryable<Product> products) => products.Where(p => p.DeletedAt == null);

    /// <summary>Products in the trash.</summary>
    public static IQueryable<Product> InTrash(this IQueryable<Product> products) => products.Where(p => p.DeletedAt != null);
}
