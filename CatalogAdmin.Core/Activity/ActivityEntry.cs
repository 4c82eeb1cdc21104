using CatalogAdmin.Core.Import;
using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;

namespace CatalogAdmin.Core.Activity;

/// <summary>What a batch entry of the activity log records: one line for many products.</summary>
public enum ActivityBatchKind
{
    /// <summary>An applied CSV import.</summary>
    Import,

    /// <summary>A bulk action or a quick-edit save.</summary>
    Bulk,

    /// <summary>The undo of an import or bulk action; its <see cref="ActivityEntry.BatchId"/> is the undone batch's.</summary>
    Undo,
}

/// <summary>
/// One line of the audit log: who did what, to which product or staff account, and when. A product change fills
/// <see cref="Kind"/> and the product's columns; a staff change fills <see cref="StaffChange"/> and the account's; an
/// import or bulk action fills <see cref="Batch"/>, <see cref="BatchId"/> (which its undo takes) and
/// <see cref="ProductCount"/>, with its summary in <see cref="Detail"/>.
/// Staff are stored by sign-in name (an email address) and shown by their display name when the log is read.
/// </summary>
public sealed class ActivityEntry
{
    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who acted: their sign-in name.</summary>
    public string? ChangedBy { get; private set; }

    public ProductChangeKind? Kind { get; private set; }
    public Guid? ProductId { get; private set; }
    public string ProductName { get; private set; } = string.Empty;
    public string ProductSku { get; private set; } = string.Empty;

    public StaffChangeKind? StaffChange { get; private set; }

    /// <summary>The staff account acted on: its id and sign-in name.</summary>
    public string? TargetUserId { get; private set; }
    public string? TargetEmail { get; private set; }

    /// <summary>What changed, in a few words ("Editor → Viewer", "Raised the price of 1,240 products by 5%").</summary>
    public string? Detail { get; private set; }

    public ActivityBatchKind? Batch { get; private set; }

    /// <summary>The import's or bulk action's id; for an <see cref="ActivityBatchKind.Undo"/>, the id of the batch undone.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>How many products the batch changed.</summary>
    public int? ProductCount { get; private set; }

    public const int DetailMaxLength = 200;

    public static ActivityEntry For(IProductChangeNotification change) => new()
    {
        Kind = change.Kind,
        ProductId = change.ProductId,
        ProductName = change.Name,
        ProductSku = change.Sku,
        OccurredAt = change.OccurredAt,
        ChangedBy = change.ChangedBy,
    };

    public static ActivityEntry For(StaffChangedNotification change) => new()
    {
        StaffChange = change.Kind,
        TargetUserId = change.UserId,
        TargetEmail = change.Email,
        Detail = change.Detail,
        OccurredAt = change.OccurredAt,
        ChangedBy = change.ChangedBy,
    };

    public static ActivityEntry For(IBatchChangeNotification batch) => ForBatch(
        batch switch
        {
            ProductsImportedNotification => ActivityBatchKind.Import,
            ProductBatchUndoneNotification => ActivityBatchKind.Undo,
            _ => ActivityBatchKind.Bulk,
        },
        batch.BatchId, batch.ProductCount, batch.Summary, batch.ChangedBy, batch.OccurredAt);

    private static ActivityEntry ForBatch(ActivityBatchKind kind, Guid batchId, int products, string summary, string? by, DateTimeOffset at) => new()
    {
        Batch = kind,
        BatchId = batchId,
        ProductCount = products,
        Detail = summary.Length <= DetailMaxLength ? summary : string.Concat(summary.AsSpan(0, DetailMaxLength - 1), "…"),
        OccurredAt = at,
        ChangedBy = by,
    };
}
