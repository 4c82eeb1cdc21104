using CatalogAdmin.Core.Products;
using CatalogAdmin.Core.Staff;

namespace CatalogAdmin.Core.Activity;

/// <summary>
/// One line of the audit log: who did what, to which product or staff account, and when. A product change fills
/// <see cref="Kind"/> and the product's columns; a staff change fills <see cref="StaffChange"/> and the account's.
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

    /// <summary>What changed, in a few words ("Editor → Viewer").</summary>
    public string? Detail { get; private set; }

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
}
