using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> entry)
    {
        entry.ToTable("ActivityLog");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.ProductName).HasMaxLength(ProductRules.NameMaxLength);
        entry.Property(e => e.ProductSku).HasMaxLength(ProductRules.SkuMaxLength);
        entry.Property(e => e.ChangedBy).HasMaxLength(256);
        entry.HasIndex(e => new { e.OccurredAt, e.Id });
        entry.HasIndex(e => e.ProductId);
    }
}
