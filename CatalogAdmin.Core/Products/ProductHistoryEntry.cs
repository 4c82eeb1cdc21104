namespace CatalogAdmin.Core.Products;

/// <summary>Where a product change came from.</summary>
public enum ChangeSource
{
    Form,
    Import,
    Bulk,
    QuickEdit,
    Restore,
    Revert,
    Undo,
    System,
}

/// <summary>What a history entry records.</summary>
public enum ProductHistoryKind
{
    Created,
    Updated,
    Trashed,
    Restored,
    Reverted,
}

/// <summary>
/// One changed field of a history entry: the field's name (<see cref="ProductField"/>), and its values before and after
/// as invariant-culture text (prices "24.99", the category's name), null where there was none.
/// </summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>
/// One entry of a product's history: who changed what, when, from where, and each changed field's old and new value.
/// Written by <see cref="ProductHistory.Record"/> in the same SaveChanges as the change itself, and never changed after.
/// </summary>
public sealed class ProductHistoryEntry
{
    // For EF Core, which sets the properties from the stored row.
    private ProductHistoryEntry()
    {
        Changes = [];
    }

    internal ProductHistoryEntry(
        Guid productId, DateTimeOffset occurredAt, string? changedBy, string? changedByRole, ChangeSource source, ProductHistoryKind kind,
        Guid? batchId, long versionAfter, IReadOnlyList<StoredFieldChange> changes)
    {
        ProductId = productId;
        OccurredAt = occurredAt.ToUniversalTime();
        ChangedBy = changedBy;
        ChangedByRole = changedByRole;
        Source = source;
        Kind = kind;
        BatchId = batchId;
        VersionAfter = versionAfter;
        Changes = changes;
    }

    public long Id { get; private set; }

    public Guid ProductId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The sign-in name of who made the change; null for the system.</summary>
    public string? ChangedBy { get; private set; }

    /// <summary>Their role when they made it.</summary>
    public string? ChangedByRole { get; private set; }

    public ChangeSource Source { get; private set; }

    public ProductHistoryKind Kind { get; private set; }

    /// <summary>The import or bulk action this change was part of, so the whole batch can be undone.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>The product's <see cref="Product.Version"/> after this change.</summary>
    public long VersionAfter { get; private set; }

    /// <summary>The changed fields, in the order of <see cref="ProductField"/> (stored as one JSON column).</summary>
    public IReadOnlyList<StoredFieldChange> Changes { get; private set; }
}

/// <summary>
/// A changed field as stored. For <see cref="ProductField.Category"/> the text is the category's name at the time, and the
/// ids behind it are kept too, so a revert or undo finds the category even after it was renamed.
/// </summary>
public sealed record StoredFieldChange(string Field, string? OldValue, string? NewValue, Guid? OldCategoryId = null, Guid? NewCategoryId = null)
{
    public FieldChange ToFieldChange() => new(Field, OldValue, NewValue);
}
