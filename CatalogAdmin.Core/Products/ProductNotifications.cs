using MediatR;

namespace CatalogAdmin.Core.Products;

/// <summary>What every product change notification tells its handlers.</summary>
public interface IProductChangeNotification : INotification
{
    ProductChangeKind Kind { get; }

    Guid ProductId { get; }

    /// <summary>The product's name after the change (before it, for a deletion or purge).</summary>
    string Name { get; }

    string Sku { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The name of the signed-in user who made the change.</summary>
    string? ChangedBy { get; }

    /// <summary>The product's fields before the change; null for a new product.</summary>
    ProductFields? Before { get; }

    /// <summary>The product's fields after the change; null once it is in the trash or purged.</summary>
    ProductFields? After { get; }
}

/// <summary>
/// What every notification of a batch (an applied import, a bulk action or quick-edit save, an undo of one) tells its
/// handlers: published once per batch, never once per product.
/// </summary>
public interface IBatchChangeNotification : INotification
{
    /// <summary>The batch's id (for an undo, the id of the batch undone): its history entries carry it.</summary>
    Guid BatchId { get; }

    /// <summary>What happened, as one sentence ("Raised the price of 1,240 products by 5%").</summary>
    string Summary { get; }

    /// <summary>How many products it changed.</summary>
    int ProductCount { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The name of the signed-in user who acted.</summary>
    string? ChangedBy { get; }
}

public enum ProductChangeKind
{
    Created,
    Updated,

    /// <summary>Moved to the trash (DeleteProductCommand): it can still be restored.</summary>
    Deleted,

    /// <summary>Brought back from the trash.</summary>
    Restored,

    /// <summary>Deleted permanently from the trash, by an Admin or by the trash's retention.</summary>
    Purged,
}

/// <summary>Published by the create handler once the new product is saved.</summary>
public sealed record ProductCreatedNotification(Guid ProductId, ProductFields Fields, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Created;

    public string Name => Fields.Name;

    public string Sku => Fields.Sku;

    public ProductFields? Before => null;

    public ProductFields After => Fields;
}

/// <summary>Published by the update handler once the change is saved.</summary>
public sealed record ProductUpdatedNotification(Guid ProductId, ProductFields Before, ProductFields After, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    /// <summary>Where the change came from: the form, or a revert of an earlier change.</summary>
    public ChangeSource Source { get; init; } = ChangeSource.Form;

    public ProductChangeKind Kind => ProductChangeKind.Updated;

    public string Name => After.Name;

    public string Sku => After.Sku;

    ProductFields? IProductChangeNotification.Before => Before;

    ProductFields? IProductChangeNotification.After => After;
}

/// <summary>Published by the delete handler once the product is in the trash.</summary>
public sealed record ProductDeletedNotification(Guid ProductId, ProductFields Fields, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Deleted;

    public string Name => Fields.Name;

    public string Sku => Fields.Sku;

    public ProductFields Before => Fields;

    public ProductFields? After => null;
}

/// <summary>Published by the restore handler once the product is back from the trash.</summary>
public sealed record ProductRestoredNotification(Guid ProductId, ProductFields Fields, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Restored;

    public string Name => Fields.Name;

    public string Sku => Fields.Sku;

    public ProductFields? Before => null;

    public ProductFields After => Fields;
}

/// <summary>Published once a product is deleted permanently from the trash (by an Admin, or by the retention: ChangedBy says).</summary>
public sealed record ProductPurgedNotification(Guid ProductId, ProductFields Fields, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Purged;

    public string Name => Fields.Name;

    public string Sku => Fields.Sku;

    /// <summary>Null: the product had already left the list, search and counts when it went to the trash.</summary>
    public ProductFields? Before => null;

    public ProductFields? After => null;
}
