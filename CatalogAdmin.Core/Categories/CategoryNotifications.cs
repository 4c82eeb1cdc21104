using MediatR;

namespace CatalogAdmin.Core.Categories;

public enum CategoryChangeKind
{
    Created,
    Renamed,
    Deleted,
}

/// <summary>Published once a category is created, renamed or deleted; open lists showing categories refresh.</summary>
public sealed record CategoryChangedNotification(CategoryChangeKind Kind, Guid CategoryId, string Name, DateTimeOffset OccurredAt) : INotification
{
    public string? ChangedBy { get; init; }

    /// <summary>For a deletion: how many products it left without a category.</summary>
    public int ProductsAffected { get; init; }
}
