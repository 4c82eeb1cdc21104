using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Core.Activity;

/// <summary>One line of the activity log: what happened to which product, and when.</summary>
public sealed class ActivityEntry
{
    public long Id { get; private set; }
    public ProductChangeKind Kind { get; private set; }
    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; } = string.Empty;
    public string ProductSku { get; private set; } = string.Empty;
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ChangedBy { get; private set; }

    public static ActivityEntry For(IProductChangeNotification change) => new()
    {
        Kind = change.Kind,
        ProductId = change.ProductId,
        ProductName = change.Name,
        ProductSku = change.Sku,
        OccurredAt = change.OccurredAt,
        ChangedBy = change.ChangedBy,
    };
}
