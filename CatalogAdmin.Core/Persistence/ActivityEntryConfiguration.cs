using CatalogAdmin.Core.Activity;
using CatalogAdmin.Core.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CatalogAdmin.Core.Persistence;

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
        entry.Property(e => e.StaffChange).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.TargetUserId).HasMaxLength(64);
        entry.Property(e => e.TargetEmail).HasMaxLength(256);
        entry.Property(e => e.Detail).HasMaxLength(ActivityEntry.DetailMaxLength);
        entry.Property(e => e.Batch).HasConversion<string>().HasMaxLength(16);
        entry.HasIndex(e => new { e.OccurredAt, e.Id });
        entry.HasIndex(e => e.ProductId);
        entry.HasIndex(e => e.BatchId);
    }
}
