namespace CatalogAdmin.Core.Products;

/// <summary>
/// Where a product is in its life: staged (<see cref="Draft"/>), on sale (<see cref="Active"/>), or retired
/// (<see cref="Archived"/>). Stored as its number, so lists filter and sort on a small integer; the order is the lifecycle's.
/// </summary>
public enum ProductStatus
{
    Draft = 0,
    Active = 1,
    Archived = 2,
}
