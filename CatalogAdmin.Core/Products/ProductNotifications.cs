using MediatR;

namespace CatalogAdmin.Core.Products;

/// <summary>What every product change notification tells its handlers.</summary>
public interface IProductChangeNotification : INotification
{
    ProductChangeKind Kind { get; }
    Guid ProductId { get; }
    string Name { get; }
    string Sku { get; }
    DateTimeOffset OccurredAt { get; }

    /// <summary>The name of the signed-in user who made the change.</summary>
    string? ChangedBy { get; }
}

public enum ProductChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>Published by the create handler once the new product is saved.</summary>
public sealed record ProductCreatedNotification(Guid ProductId, string Name, string Sku, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Created;
}

/// <summary>Published by the update handler once the change is saved.</summary>
public sealed record ProductUpdatedNotification(Guid ProductId, string Name, string Sku, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Updated;
}

/// <summary>Published by the delete handler once the product is gone.</summary>
public sealed record ProductDeletedNotification(Guid ProductId, string Name, string Sku, DateTimeOffset OccurredAt) : IProductChangeNotification
{
    public string? ChangedBy { get; init; }

    public ProductChangeKind Kind => ProductChangeKind.Deleted;
}
